using k8s;
using k8s.Models;

namespace Kubemate.Sandbox.Simulation.Tests.Estate;

/// <summary>The onboarding flow the console automates, done by hand against the seeded estate.</summary>
public sealed class MeshOnboardingTests
{
    [Fact]
    public async Task Annotating_an_unmeshed_namespace_and_restarting_its_deployment_meshes_the_new_pods()
    {
        await using var cluster = await SimulatedCluster.StartAsync(new SandboxOptions(), new SimulationOptions { PodStartDelay = TimeSpan.FromMilliseconds(50) });
        var client = cluster.Client;
        await Eventually.Until(async () => (await client.CoreV1.ListNamespacedPodAsync("users", labelSelector: "app=users")).Items,
            pods => pods.Count == 2 && pods.All(p => p.Status?.Phase == "Running"), "the users pods");

        await client.CoreV1.PatchNamespaceAsync(new V1Patch("""{"metadata":{"annotations":{"linkerd.io/inject":"enabled"}}}""", V1Patch.PatchType.MergePatch), "users");
        var restartedAt = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        await client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(
            "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\"" + restartedAt + "\"}}}}}", V1Patch.PatchType.StrategicMergePatch), "users", "users");

        var meshed = await Eventually.Until(async () => (await client.CoreV1.ListNamespacedPodAsync("users", labelSelector: "app=users")).Items,
            pods => pods.Count == 2 && pods.All(p => p.Status?.Phase == "Running" && p.Spec.Containers.Any(c => c.Name == "linkerd-proxy")),
            "two meshed users pods");
        Assert.All(meshed, p =>
        {
            Assert.Equal("users", p.Metadata.Labels["linkerd.io/proxy-deployment"]);
            Assert.Contains(p.Status.ContainerStatuses, s => s.Name == "linkerd-proxy" && s.Ready);
        });
        var notifications = (await client.CoreV1.ListNamespacedPodAsync("users", labelSelector: "app=notifications")).Items;
        Assert.All(notifications, p => Assert.DoesNotContain(p.Spec.Containers, c => c.Name == "linkerd-proxy"));
    }
}
