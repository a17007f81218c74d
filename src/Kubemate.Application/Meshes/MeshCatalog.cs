using Kubemate.Drivers.Istio;
using Kubemate.Drivers.Linkerd;
using Kubemate.Model.Drivers;

namespace Kubemate.Application.Meshes;

/// <summary>
/// The one place the mesh drivers are registered; the host, the console and the CLI all take their registry from
/// here. A new mesh is a driver plus one line in <see cref="Create"/> (or, in a test, one more registration).
/// </summary>
public static class MeshCatalog
{
    /// <summary>The provider used when none is given.</summary>
    public const string DefaultProvider = LinkerdDriver.GatewayApiProvider;

    /// <summary>A new registry of every driver Kubemate ships (a fresh one, so callers may register more).</summary>
    public static MeshDriverRegistry Create() => new MeshDriverRegistry().AddLinkerd().AddIstio();

    /// <summary>The shipped drivers, shared; register extra drivers on a registry of your own from <see cref="Create"/>.</summary>
    public static MeshDriverRegistry Shipped { get; } = Create();
}
