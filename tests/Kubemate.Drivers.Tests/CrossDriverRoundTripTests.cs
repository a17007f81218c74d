using Kubemate.Drivers.Tests.Support;
using Kubemate.Model;
using Kubemate.Model.Drivers;

namespace Kubemate.Drivers.Tests;

/// <summary>One model, two meshes: each renders it, and reading the rendering back gives the model again.</summary>
public class CrossDriverRoundTripTests
{
    public static readonly string[] SharedModelNames = ["canary", "ab", "intent", "any-meshed", "retries", "grpc-retries", "deny", "authenticated", "namespace-injection", "workload-bypass"];

    public static TheoryData<string> SharedModels => new(SharedModelNames);

    [Theory]
    [MemberData(nameof(SharedModels))]
    public void Linkerd_reads_back_the_model_it_rendered(string name) => AssertRoundTrip(MeshDrivers.Linkerd, Model(name));

    [Theory]
    [MemberData(nameof(SharedModels))]
    public void Istio_reads_back_the_model_it_rendered(string name) => AssertRoundTrip(MeshDrivers.Istio, Model(name));

    [Theory]
    [MemberData(nameof(SharedModels))]
    public void Linkerd_and_istio_read_their_renderings_into_equal_models(string name)
    {
        var model = Model(name);

        var fromLinkerd = MeshDrivers.Linkerd.Read(MeshDrivers.Linkerd.Render(model)).Models.Single();
        var fromIstio = MeshDrivers.Istio.Read(MeshDrivers.Istio.Render(model)).Models.Single();

        Assert.Equal(fromLinkerd, fromIstio);
    }

    [Fact]
    public void All_shared_models_rendered_together_read_back_as_the_same_set()
    {
        var models = SharedModelNames.Select(Model).ToList();
        foreach (var driver in new[] { MeshDrivers.Linkerd, MeshDrivers.Istio })
        {
            var read = driver.Read(driver.Render(models));

            Assert.Empty(read.Unrecognized);
            Assert.Equal(models.Select(m => m.ToString()).Order(StringComparer.Ordinal), read.Models.Select(m => m.ToString()).Order(StringComparer.Ordinal));
        }
    }

    private static void AssertRoundTrip(IMeshDriver driver, IMeshModel model)
    {
        var read = driver.Read(driver.Render(model));

        Assert.Empty(read.Unrecognized);
        Assert.Equal(model, Assert.Single(read.Models));
    }

    private static IMeshModel Model(string name) => name switch
    {
        "canary" => SampleModels.Canary,
        "ab" => SampleModels.ABTest,
        "intent" => SampleModels.OrdersMayPay,
        "any-meshed" => SampleModels.AnyMeshedMayReadCatalog,
        "retries" => SampleModels.IdempotentRetries,
        "grpc-retries" => SampleModels.GrpcRetries,
        "deny" => SampleModels.DenyByDefault,
        "authenticated" => SampleModels.AuthenticatedOnly,
        "namespace-injection" => SampleModels.MeshThePaymentNamespace,
        _ => SampleModels.DatabaseBypass,
    };
}
