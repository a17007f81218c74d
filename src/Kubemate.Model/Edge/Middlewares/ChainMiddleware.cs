using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Applies other middlewares in order, so routes can share a stack by one name.</summary>
public sealed record ChainMiddleware : MiddlewareSpec
{
    protected override string KindField => "chain";

    public IReadOnlyList<MiddlewareRef>? Middlewares { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var listPath = FieldPath.Child(path, "middlewares");
        if (Middlewares is null || Middlewares.Count == 0)
        {
            return [new ValidationProblem(listPath, "at least one middleware is required")];
        }
        return EdgeChecks.Each(listPath, Middlewares);
    }
}
