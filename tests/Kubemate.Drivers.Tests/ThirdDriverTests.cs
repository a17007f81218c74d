using Kubemate.Drivers.Tests.Support;
using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;
using Kubemate.Testing.ThirdMesh;

namespace Kubemate.Drivers.Tests;

/// <summary>
/// A third mesh is a driver class plus one registration: no other code changes. This covers the driver layer; the
/// console's test project runs onboarding, status, the overview and telemetry for another imaginary mesh
/// (Kubemate.WebConsole.Tests/ThirdMesh).
/// </summary>
public class ThirdDriverTests
{
    [Fact]
    public void A_third_driver_registered_next_to_the_others_renders_and_reads_the_same_models()
    {
        var registry = MeshDrivers.Registry.Register(TinyMeshDriver.Name, () => new TinyMeshDriver());

        var driver = registry.Create("tinymesh");
        var read = driver.Read(driver.Render(SampleModels.SmiCanary));

        Assert.Equal(SampleModels.SmiCanary, Assert.Single(read.Models));
        Assert.True(driver.Capabilities.TrafficSplits);
        Assert.False(driver.Capabilities.AccessIntents);
        Assert.Contains("tinymesh", registry.Providers);
    }

    [Fact]
    public void A_third_driver_refuses_what_its_capabilities_leave_out()
    {
        var driver = new MeshDriverRegistry().Register(TinyMeshDriver.Name, () => new TinyMeshDriver()).Create(TinyMeshDriver.Name);

        var problems = Assert.Throws<ModelValidationException>(() => driver.Render(SampleModels.OrdersMayPay)).Problems;

        Assert.Contains(problems, p => p.Reason.Contains("cannot render a AccessIntent", StringComparison.Ordinal));
    }

    [Fact]
    public void Asking_for_an_unknown_provider_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => MeshDrivers.Registry.Create("consul"));

        Assert.Contains("linkerd:smi-v1alpha1", error.Message, StringComparison.Ordinal);
        Assert.Contains("istio", error.Message, StringComparison.Ordinal);
    }
}
