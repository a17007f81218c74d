using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Asks an authentication service first; a 2xx answer lets the request through.</summary>
public sealed record ForwardAuthMiddleware : MiddlewareSpec
{
    protected override string KindField => "forwardAuth";

    /// <summary>The authentication service's URL (http or https).</summary>
    public string? Address { get; init; }

    public bool? TrustForwardHeader { get; init; }

    /// <summary>Headers copied from the authentication answer onto the request.</summary>
    public IReadOnlyList<string>? AuthResponseHeaders { get; init; }

    /// <summary>Request headers sent to the authentication service (all when not set).</summary>
    public IReadOnlyList<string>? AuthRequestHeaders { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (!Uri.TryCreate(Address, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            yield return new(FieldPath.Child(path, "address"), Address is null ? "is required" : $"\"{Address}\" is not an http(s) URL");
        }
        foreach (var (list, name) in new[] { (AuthResponseHeaders, "authResponseHeaders"), (AuthRequestHeaders, "authRequestHeaders") })
        {
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (!EdgeSyntax.IsHeaderName(list![i]))
                {
                    yield return new(FieldPath.Index(FieldPath.Child(path, name), i), $"\"{list[i]}\" is not a valid header name");
                }
            }
        }
    }
}
