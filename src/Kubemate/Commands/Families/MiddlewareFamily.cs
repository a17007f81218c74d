using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary><c>render middleware</c>: one edge middleware of the kinds a bank's edge uses most; other kinds go in a model file.</summary>
internal sealed class MiddlewareFamily : IRenderFamily
{
    private readonly Option<string?> _name = Flags.Text("--name", "Name of the middleware").Required();
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the middleware (default: default)", "-n");
    private readonly Option<string?> _redirectScheme = Flags.Text("--redirect-scheme", "Redirect to this scheme (https)");
    private readonly Option<bool> _permanent = Flags.Switch("--permanent", "With --redirect-scheme: a permanent redirect (301/308)");
    private readonly Option<long?> _rateLimit = Flags.Long("--rate-limit", "Rate limit: average requests per period");
    private readonly Option<string?> _period = Flags.Text("--period", "With --rate-limit: the period (default 1s)");
    private readonly Option<long?> _burst = Flags.Long("--burst", "With --rate-limit: the burst size");
    private readonly Option<long?> _inFlight = Flags.Long("--in-flight", "Limit simultaneous requests to this many");
    private readonly Option<string[]> _stripPrefix = Flags.Many("--strip-prefix", "Strip this path prefix; repeatable");
    private readonly Option<long?> _hsts = Flags.Long("--hsts", "Security headers: HSTS max-age in seconds");
    private readonly Option<bool> _hstsSubdomains = Flags.Switch("--hsts-include-subdomains", "With --hsts: includeSubDomains");
    private readonly Option<string?> _csp = Flags.Text("--csp", "Security headers: Content-Security-Policy");
    private readonly Option<bool> _frameDeny = Flags.Switch("--frame-deny", "Security headers: X-Frame-Options: DENY");
    private readonly Option<bool> _nosniff = Flags.Switch("--nosniff", "Security headers: X-Content-Type-Options: nosniff");
    private readonly Option<FlagPair[]> _requestHeaders = Flags.Pairs("--request-header", "Set a request header, NAME=VALUE (empty value removes it); repeatable", "NAME=VALUE");
    private readonly Option<string?> _basicAuth = Flags.Text("--basic-auth-secret", "Basic authentication with the users in this secret (taken to exist)");
    private readonly Option<string?> _forwardAuth = Flags.Text("--forward-auth", "Forward authentication to this URL");
    private readonly Option<string[]> _ipAllow = Flags.Many("--ip-allow", "Allow only clients from this CIDR; repeatable");
    private readonly Option<string[]> _chain = Flags.Many("--chain", "A chain of these middlewares, NAME or NAMESPACE/NAME; repeatable (taken to exist)");

    public string Name => "middleware";

    public string Description => "An edge middleware (Traefik Middleware): redirect, rate limit, in-flight limit, strip prefix, security headers, auth, IP allow-list, chain";

    public IReadOnlyList<Option> Options =>
        [_name, _namespace, _redirectScheme, _permanent, _rateLimit, _period, _burst, _inFlight, _stripPrefix, _hsts, _hstsSubdomains, _csp, _frameDeny, _nosniff, _requestHeaders, _basicAuth, _forwardAuth, _ipAllow, _chain];

    public FamilyModels Build(FlagReader flags)
    {
        var ns = flags.Text(_namespace, "default");
        var name = flags.Text(_name, "");
        var existing = new EdgeSettings();
        var kinds = new List<(string Flag, MiddlewareSpec Spec)>();
        if (flags.Value(_redirectScheme) is { } scheme)
        {
            kinds.Add((_redirectScheme.Name, new RedirectSchemeMiddleware { Scheme = scheme, Permanent = flags.Switch(_permanent) ? true : null }));
        }
        if (flags.IsGiven(_rateLimit))
        {
            kinds.Add((_rateLimit.Name, new RateLimitMiddleware
            {
                Average = flags.Value(_rateLimit),
                Period = flags.Value(_period),
                Burst = flags.Value(_burst),
            }));
        }
        if (flags.IsGiven(_inFlight))
        {
            kinds.Add((_inFlight.Name, new InFlightRequestMiddleware { Amount = flags.Value(_inFlight) }));
        }
        if (flags.List(_stripPrefix) is { Count: > 0 } prefixes)
        {
            kinds.Add((_stripPrefix.Name, new StripPrefixMiddleware { Prefixes = prefixes }));
        }
        if (Headers(flags) is { } headers)
        {
            kinds.Add(("--hsts/--csp/--frame-deny/--nosniff/--request-header", headers));
        }
        if (flags.Value(_basicAuth) is { } secret)
        {
            kinds.Add((_basicAuth.Name, new BasicAuthMiddleware { Secret = secret }));
            existing = existing with { ExistingSecrets = [$"{ns}/{secret}"] };
        }
        if (flags.Value(_forwardAuth) is { } address)
        {
            kinds.Add((_forwardAuth.Name, new ForwardAuthMiddleware { Address = address }));
        }
        if (flags.List(_ipAllow) is { Count: > 0 } ranges)
        {
            kinds.Add((_ipAllow.Name, new IpAllowListMiddleware { SourceRange = ranges }));
        }
        if (flags.List(_chain) is { Count: > 0 } chain)
        {
            var references = chain.Select(c => RouteFamily.Reference(c, ns)).ToList();
            kinds.Add((_chain.Name, new ChainMiddleware { Middlewares = [.. references.Select(r => r.Ref)] }));
            existing = existing with { ExistingMiddlewares = [.. references.Where(r => r.Existing is not null).Select(r => r.Existing!)] };
        }
        if (kinds.Count != 1)
        {
            flags.Problems.Add(new("--<kind>", kinds.Count == 0
                ? "say what the middleware does: --redirect-scheme, --rate-limit, --in-flight, --strip-prefix, --hsts/--csp/--frame-deny/--nosniff/--request-header, --basic-auth-secret, --forward-auth, --ip-allow or --chain"
                : $"a middleware does one thing; given: {string.Join(", ", kinds.Select(k => k.Flag))}"));
            return new(ModelSet.Empty);
        }
        var middleware = new Middleware { Metadata = EdgeObjectMeta.Named(name, ns), Spec = kinds[0].Spec };
        return new(ModelSet.FromModels(Name, existing, middleware));
    }

    private HeadersMiddleware? Headers(FlagReader flags)
    {
        var requestHeaders = flags.List(_requestHeaders);
        var hsts = flags.Value(_hsts);
        var csp = flags.Value(_csp);
        var frameDeny = flags.Switch(_frameDeny);
        var nosniff = flags.Switch(_nosniff);
        if (requestHeaders.Count == 0 && hsts is null && csp is null && !frameDeny && !nosniff)
        {
            return null;
        }
        return new HeadersMiddleware
        {
            CustomRequestHeaders = requestHeaders.Count == 0 ? null : requestHeaders.ToDictionary(h => h.Key, h => h.Value),
            StsSeconds = hsts,
            StsIncludeSubdomains = flags.Switch(_hstsSubdomains) ? true : null,
            ContentSecurityPolicy = csp,
            FrameDeny = frameDeny ? true : null,
            ContentTypeNosniff = nosniff ? true : null,
        };
    }
}
