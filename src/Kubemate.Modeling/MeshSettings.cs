using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>
/// The mesh a model file's mesh models are rendered for (import writes the one it read them with), so
/// <c>kubemate render -f</c> needs no <c>--mesh</c>; <c>--mesh</c> still overrides it.
/// </summary>
public sealed record MeshSettings
{
    /// <summary>A mesh driver provider: <c>linkerd</c>, <c>linkerd:smi-v1alpha2</c>, <c>linkerd:smi-v1alpha1</c>, <c>istio</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>The provider must be one the drivers offer (which ones is the application's choice, not the file's).</summary>
    public IEnumerable<ValidationProblem> Validate(MeshDriverRegistry drivers, string path = "")
    {
        if (!drivers.IsRegistered(Provider))
        {
            yield return new(FieldPath.Child(path, "provider"), $"'{Provider}' is not a mesh (one of {MeshChoice.Known(drivers)})");
        }
    }
}
