using Kubemate.Model.Validation;

namespace Kubemate.Commands.Families;

/// <summary>Rewrites a problem found in a model made from flags so that it names the flag: <c>split.backends[1].weight</c> becomes <c>--backend[1].weight</c>.</summary>
public static class FlagPaths
{
    public static ValidationProblem Rewrite(ValidationProblem problem, string family, IReadOnlyDictionary<string, string> flags)
    {
        var prefix = family + ".";
        if (!problem.Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return problem;
        }
        var rest = problem.Path[prefix.Length..];
        var match = flags.Keys
            .Where(k => rest == k || rest.StartsWith(k + ".", StringComparison.Ordinal) || rest.StartsWith(k + "[", StringComparison.Ordinal))
            .OrderByDescending(k => k.Length)
            .FirstOrDefault();
        return match is null ? problem : problem with { Path = flags[match] + rest[match.Length..] };
    }
}
