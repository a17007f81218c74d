using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>The rule every weighted backend list follows: at least one backend, and not all weights zero.</summary>
public static class BackendWeights
{
    public static IEnumerable<ValidationProblem> Validate(string path, IReadOnlyList<RouteBackend>? backends, bool required)
    {
        if (backends is null || backends.Count == 0)
        {
            if (required)
            {
                yield return new(path, "at least one backend is required");
            }
            yield break;
        }
        if (backends.All(b => b.Weight == 0))
        {
            yield return new(path, "all weights are zero: no backend would receive traffic");
        }
    }
}
