using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Lets through only clients whose address is in one of the ranges.</summary>
public sealed record IpAllowListMiddleware : MiddlewareSpec
{
    protected override string KindField => "ipAllowList";

    /// <summary>CIDRs or single addresses.</summary>
    public IReadOnlyList<string>? SourceRange { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var rangePath = FieldPath.Child(path, "sourceRange");
        if (SourceRange is null || SourceRange.Count == 0)
        {
            yield return new(rangePath, "at least one CIDR is required");
            yield break;
        }
        for (var i = 0; i < SourceRange.Count; i++)
        {
            if (!EdgeSyntax.IsIpAddress(SourceRange[i]) && !EdgeSyntax.TryParseCidr(SourceRange[i], out var reason))
            {
                yield return new(FieldPath.Index(rangePath, i), reason);
            }
        }
        foreach (var problem in EdgeChecks.Unique(rangePath, SourceRange, r => $"range {r}"))
        {
            yield return problem;
        }
    }
}
