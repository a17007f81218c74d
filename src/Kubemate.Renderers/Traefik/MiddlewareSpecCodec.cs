using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

/// <summary>The configuration of each modelled middleware kind, field by field.</summary>
internal static class MiddlewareSpecCodec
{
    private static readonly HashSet<string> Modelled =
        ["redirectScheme", "rateLimit", "inFlightReq", "stripPrefix", "headers", "basicAuth", "forwardAuth", "ipAllowList", "chain"];

    public static bool IsModelled(string kind) => Modelled.Contains(kind);

    public static JsonObject Write(MiddlewareSpec spec) => spec switch
    {
        RedirectSchemeMiddleware m => new JsonObject().Set("scheme", m.Scheme).Set("port", m.Port).Set("permanent", m.Permanent),
        RateLimitMiddleware m => new JsonObject().Set("average", m.Average).Set("period", m.Period).Set("burst", m.Burst),
        InFlightRequestMiddleware m => new JsonObject().Set("amount", m.Amount),
        StripPrefixMiddleware m => new JsonObject().Set("prefixes", m.Prefixes),
        HeadersMiddleware m => new JsonObject()
            .Set("customRequestHeaders", m.CustomRequestHeaders)
            .Set("customResponseHeaders", m.CustomResponseHeaders)
            .Set("stsSeconds", m.StsSeconds)
            .Set("stsIncludeSubdomains", m.StsIncludeSubdomains)
            .Set("stsPreload", m.StsPreload)
            .Set("forceSTSHeader", m.ForceStsHeader)
            .Set("contentSecurityPolicy", m.ContentSecurityPolicy)
            .Set("frameDeny", m.FrameDeny)
            .Set("customFrameOptionsValue", m.CustomFrameOptionsValue)
            .Set("contentTypeNosniff", m.ContentTypeNosniff)
            .Set("browserXssFilter", m.BrowserXssFilter)
            .Set("referrerPolicy", m.ReferrerPolicy),
        BasicAuthMiddleware m => new JsonObject().Set("secret", m.Secret).Set("realm", m.Realm).Set("removeHeader", m.RemoveHeader),
        ForwardAuthMiddleware m => new JsonObject()
            .Set("address", m.Address)
            .Set("trustForwardHeader", m.TrustForwardHeader)
            .Set("authResponseHeaders", m.AuthResponseHeaders)
            .Set("authRequestHeaders", m.AuthRequestHeaders),
        IpAllowListMiddleware m => new JsonObject().Set("sourceRange", m.SourceRange),
        ChainMiddleware m => m.Middlewares is null ? [] : new JsonObject { ["middlewares"] = MiddlewareRefCodec.WriteAll(m.Middlewares) },
        _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.GetType().Name, "not a modelled middleware kind"),
    };

    public static MiddlewareSpec Read(string kind, JsonObject obj)
    {
        MiddlewareSpec spec = kind switch
        {
            "redirectScheme" => new RedirectSchemeMiddleware
            {
                Scheme = JsonTake.String(obj, "scheme"),
                Port = JsonTake.String(obj, "port"),
                Permanent = JsonTake.Bool(obj, "permanent"),
            },
            "rateLimit" => new RateLimitMiddleware
            {
                Average = JsonTake.Long(obj, "average"),
                Period = JsonTake.String(obj, "period"),
                Burst = JsonTake.Long(obj, "burst"),
            },
            "inFlightReq" => new InFlightRequestMiddleware { Amount = JsonTake.Long(obj, "amount") },
            "stripPrefix" => new StripPrefixMiddleware { Prefixes = JsonTake.Strings(obj, "prefixes") },
            "headers" => new HeadersMiddleware
            {
                CustomRequestHeaders = JsonTake.StringMap(obj, "customRequestHeaders"),
                CustomResponseHeaders = JsonTake.StringMap(obj, "customResponseHeaders"),
                StsSeconds = JsonTake.Long(obj, "stsSeconds"),
                StsIncludeSubdomains = JsonTake.Bool(obj, "stsIncludeSubdomains"),
                StsPreload = JsonTake.Bool(obj, "stsPreload"),
                ForceStsHeader = JsonTake.Bool(obj, "forceSTSHeader"),
                ContentSecurityPolicy = JsonTake.String(obj, "contentSecurityPolicy"),
                FrameDeny = JsonTake.Bool(obj, "frameDeny"),
                CustomFrameOptionsValue = JsonTake.String(obj, "customFrameOptionsValue"),
                ContentTypeNosniff = JsonTake.Bool(obj, "contentTypeNosniff"),
                BrowserXssFilter = JsonTake.Bool(obj, "browserXssFilter"),
                ReferrerPolicy = JsonTake.String(obj, "referrerPolicy"),
            },
            "basicAuth" => new BasicAuthMiddleware
            {
                Secret = JsonTake.String(obj, "secret"),
                Realm = JsonTake.String(obj, "realm"),
                RemoveHeader = JsonTake.Bool(obj, "removeHeader"),
            },
            "forwardAuth" => new ForwardAuthMiddleware
            {
                Address = JsonTake.String(obj, "address"),
                TrustForwardHeader = JsonTake.Bool(obj, "trustForwardHeader"),
                AuthResponseHeaders = JsonTake.Strings(obj, "authResponseHeaders"),
                AuthRequestHeaders = JsonTake.Strings(obj, "authRequestHeaders"),
            },
            "ipAllowList" => new IpAllowListMiddleware { SourceRange = JsonTake.Strings(obj, "sourceRange") },
            "chain" => new ChainMiddleware { Middlewares = MiddlewareRefCodec.ReadAll(obj, "middlewares") },
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a modelled middleware kind"),
        };
        return spec with { UnknownFields = JsonTake.Rest(obj) };
    }
}
