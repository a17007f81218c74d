using Kubemate.Drivers.Istio;
using Kubemate.Drivers.Linkerd;
using Kubemate.Model.Drivers;

namespace Kubemate.Drivers.Tests.Support;

/// <summary>The registry as the host builds it.</summary>
public static class MeshDrivers
{
    public static MeshDriverRegistry Registry => new MeshDriverRegistry().AddLinkerd().AddIstio();

    public static IMeshDriver Linkerd => Registry.Create(LinkerdDriver.GatewayApiProvider);

    public static IMeshDriver Istio => Registry.Create(IstioDriver.ProviderName);
}
