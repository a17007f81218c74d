using Kubemate.Drivers.Istio;
using Kubemate.Drivers.Linkerd;
using Kubemate.Drivers.Tests.Support;
using Kubemate.Model;
using Kubemate.Model.Drivers;

namespace Kubemate.Drivers.Tests;

/// <summary>What each driver writes for the sample models, pinned in Golden/ (refresh with KUBEMATE_UPDATE_GOLDEN=1).</summary>
public class GoldenRenderingTests
{
    public static TheoryData<string> Providers => [LinkerdDriver.GatewayApiProvider, LinkerdDriver.SmiV1Alpha2Provider, LinkerdDriver.SmiV1Alpha1Provider, IstioDriver.ProviderName];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Each_model_renders_as_in_its_golden_file(string provider)
    {
        var driver = MeshDrivers.Registry.Create(provider);
        foreach (var model in SamplesFor(provider))
        {
            Golden.AssertMatches($"{provider.Replace(':', '-')}/{model.ModelKind}-{model.Name}", driver.Render(model));
        }
    }

    public static IReadOnlyList<IMeshModel> SamplesFor(string provider) => provider switch
    {
        IstioDriver.ProviderName => SampleModels.ForIstio,
        LinkerdDriver.GatewayApiProvider => SampleModels.ForLinkerd,
        _ => SampleModels.ForSmi,
    };
}
