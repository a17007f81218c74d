using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>HTTP basic authentication against the users in a Secret (htpasswd lines under key <c>users</c>).</summary>
public sealed record BasicAuthMiddleware : MiddlewareSpec
{
    protected override string KindField => "basicAuth";

    /// <summary>The Secret in the middleware's namespace that holds the users.</summary>
    public string? Secret { get; init; }

    public string? Realm { get; init; }

    public bool? RemoveHeader { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "") =>
        EdgeChecks.ObjectName(FieldPath.Child(path, "secret"), Secret);
}
