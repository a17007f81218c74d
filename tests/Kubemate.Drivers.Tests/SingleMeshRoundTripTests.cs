using Kubemate.Drivers.Linkerd;
using Kubemate.Drivers.Tests.Support;
using Kubemate.Model;
using Kubemate.Model.Drivers;

namespace Kubemate.Drivers.Tests;

/// <summary>Models only Linkerd (or only its SMI flavour, or only Istio) can express still read back unchanged.</summary>
public class SingleMeshRoundTripTests
{
    [Fact]
    public void Linkerd_only_settings_read_back_unchanged()
    {
        IMeshModel[] models = [SampleModels.LinkerdAdminPort, SampleModels.ServiceTimeouts, SampleModels.LinkerdPortSettings];
        var read = MeshDrivers.Linkerd.Read(MeshDrivers.Linkerd.Render(models));

        Assert.Empty(read.Unrecognized);
        Assert.Equal(models.OrderBy(m => m.Name), read.Models.OrderBy(m => m.Name));
    }

    [Theory]
    [InlineData(LinkerdDriver.SmiV1Alpha1Provider)]
    [InlineData(LinkerdDriver.SmiV1Alpha2Provider)]
    public void Smi_splits_read_back_unchanged(string provider)
    {
        var driver = MeshDrivers.Registry.Create(provider);

        Assert.Equal(SampleModels.SmiCanary, Assert.Single(driver.Read(driver.Render(SampleModels.SmiCanary)).Models));
    }

    [Fact]
    public void Istio_subset_splits_read_back_unchanged()
    {
        var read = MeshDrivers.Istio.Read(MeshDrivers.Istio.Render(SampleModels.SubsetCanary));

        Assert.Empty(read.Unrecognized);
        Assert.Equal(SampleModels.SubsetCanary, Assert.Single(read.Models));
    }
}
