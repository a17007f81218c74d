using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>What a middleware does. Model files name the kind in <c>type</c>, which must come first in the object.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(RedirectSchemeMiddleware), "redirectScheme")]
[JsonDerivedType(typeof(RateLimitMiddleware), "rateLimit")]
[JsonDerivedType(typeof(InFlightRequestMiddleware), "inFlightReq")]
[JsonDerivedType(typeof(StripPrefixMiddleware), "stripPrefix")]
[JsonDerivedType(typeof(HeadersMiddleware), "headers")]
[JsonDerivedType(typeof(BasicAuthMiddleware), "basicAuth")]
[JsonDerivedType(typeof(ForwardAuthMiddleware), "forwardAuth")]
[JsonDerivedType(typeof(IpAllowListMiddleware), "ipAllowList")]
[JsonDerivedType(typeof(ChainMiddleware), "chain")]
[JsonDerivedType(typeof(OtherMiddleware), "other")]
public abstract record MiddlewareSpec : IValidatable
{
    /// <summary>The field name of this kind in the edge's Middleware spec (<c>rateLimit</c>, <c>headers</c> …).</summary>
    [JsonIgnore]
    public string EdgeKind => KindField;

    /// <summary>Fields of this kind's configuration the model does not understand, carried through untouched.</summary>
    public JsonObject? UnknownFields { get; init; }

    public abstract IEnumerable<ValidationProblem> Validate(string path = "");

    protected abstract string KindField { get; }
}
