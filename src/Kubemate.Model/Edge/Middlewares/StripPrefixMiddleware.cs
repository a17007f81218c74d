using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Middlewares;

/// <summary>Removes a path prefix before the request goes to the backend.</summary>
public sealed record StripPrefixMiddleware : MiddlewareSpec
{
    protected override string KindField => "stripPrefix";

    public IReadOnlyList<string>? Prefixes { get; init; }

    public override IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var prefixesPath = FieldPath.Child(path, "prefixes");
        if (Prefixes is null || Prefixes.Count == 0)
        {
            yield return new(prefixesPath, "at least one prefix is required");
            yield break;
        }
        for (var i = 0; i < Prefixes.Count; i++)
        {
            if (!Prefixes[i].StartsWith('/'))
            {
                yield return new(FieldPath.Index(prefixesPath, i), $"\"{Prefixes[i]}\" must start with '/'");
            }
        }
        foreach (var problem in EdgeChecks.Unique(prefixesPath, Prefixes, p => $"prefix \"{p}\""))
        {
            yield return problem;
        }
    }
}
