using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubemate.Sandbox.Simulation.Tests.Estate;

public sealed class SeedingTests
{
    [Fact]
    public async Task The_estate_is_not_seeded_again_when_the_sandbox_restarts_on_its_data_directory()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"kubemate-sim-{Guid.NewGuid():N}");
        try
        {
            var options = new SandboxOptions { DataDirectory = dataDirectory };
            await using (var first = await SimulatedCluster.StartAsync(options, new SimulationOptions()))
            {
                await first.DeleteWithRetryAsync(() => first.Client.AppsV1.DeleteNamespacedDeploymentAsync("notifications", "users"));
            }
            await using var second = await SimulatedCluster.StartAsync(options, new SimulationOptions());
            var missing = await Assert.ThrowsAsync<HttpOperationException>(() => second.Client.AppsV1.ReadNamespacedDeploymentAsync("notifications", "users"));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.Response.StatusCode);
            Assert.NotNull(await second.Client.AppsV1.ReadNamespacedDeploymentAsync("users", "users"));
            Assert.Single((await second.Client.CoreV1.ListNamespacedSecretAsync("linkerd", fieldSelector: "metadata.name=linkerd-identity-issuer")).Items);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task An_empty_sandbox_has_no_estate_and_no_injection_without_a_mesh()
    {
        await using var cluster = await SimulatedCluster.StartEmptyAsync();
        var namespaces = (await cluster.Client.CoreV1.ListNamespaceAsync()).Items.Select(n => n.Metadata.Name);
        Assert.DoesNotContain("web", namespaces);
        Assert.Empty((await cluster.Client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items);

        var ns = await cluster.NewNamespaceAsync(new Dictionary<string, string> { ["linkerd.io/inject"] = "enabled" });
        var pod = await cluster.Client.CoreV1.CreateNamespacedPodAsync(new V1Pod { Metadata = new V1ObjectMeta { Name = "plain" }, Spec = Workloads.Template("plain").Spec }, ns);
        Assert.DoesNotContain(pod.Spec.Containers, c => c.Name == "linkerd-proxy");
    }
}
