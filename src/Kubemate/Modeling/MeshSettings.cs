using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>
/// The mesh a model file's mesh models are rendered for (import writes the one it read them with), so
/// <c>kubemate render -f</c> needs no <c>--mesh</c>; <c>--mesh</c> still overrides it.
/// </summary>
public sealed record MeshSettings : IValidatable
{
    /// <summary>A mesh driver provider: <c>linkerd</c>, <c>linkerd:smi-v1alpha2</c>, <c>linkerd:smi-v1alpha1</c>, <c>istio</c>.</summary>
    public required string Provider { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (!MeshProviders.IsKnown(Provider))
        {
            yield return new(FieldPath.Child(path, "provider"), $"'{Provider}' is not a mesh (one of {MeshProviders.Known})");
        }
    }
}
