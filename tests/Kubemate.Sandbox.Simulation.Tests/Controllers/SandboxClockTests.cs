using k8s;
using k8s.Models;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Sandbox.Simulation.Tests.Controllers;

/// <summary>The simulation keeps time by the sandbox clock, so a fake clock decides when pods start.</summary>
public sealed class SandboxClockTests
{
    [Fact]
    public async Task A_pod_stays_pending_until_the_start_delay_has_passed_on_the_sandbox_clock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = SimulationOptions.Empty with { PodStartDelay = TimeSpan.FromMinutes(5) };
        await using var server = await SandboxSimulation.StartAsync(new SandboxOptions(), options, clock);
        using var client = new Kubernetes(new KubernetesClientConfiguration
        {
            Host = server.Url.ToString(),
            SslCaCerts = [server.Certificates.Authority],
            AccessToken = server.Admin.Token,
        });

        await client.CoreV1.CreateNamespacedPodAsync(new V1Pod { Metadata = new V1ObjectMeta { Name = "slow" }, Spec = Workloads.Template("slow").Spec }, "default");
        var pending = await Eventually.Until(() => client.CoreV1.ReadNamespacedPodAsync("slow", "default"), p => p.Status?.PodIP is not null, "the pod to get its IP");
        Assert.Equal("Pending", pending.Status.Phase);
        Assert.Equal("ContainerCreating", pending.Status.ContainerStatuses.Single().State.Waiting.Reason);
        Assert.Equal("Pending", (await client.CoreV1.ReadNamespacedPodAsync("slow", "default")).Status.Phase);

        clock.Advance(TimeSpan.FromMinutes(5));
        var running = await Eventually.Until(() => client.CoreV1.ReadNamespacedPodAsync("slow", "default"), p => p.Status?.Phase == "Running", "the pod to run");
        Assert.True(running.Status.ContainerStatuses.Single().Ready);
    }
}
