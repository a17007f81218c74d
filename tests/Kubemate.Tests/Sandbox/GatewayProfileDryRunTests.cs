using Kubemate.Testing;
using KubemateCli = Kubemate.Tests.Cli.Cli;

namespace Kubemate.Tests.Sandbox;

/// <summary><c>kubemate render gateway-profile … | kubectl apply --dry-run=server -f -</c> against the sandbox: accepted, nothing stored.</summary>
public sealed class GatewayProfileDryRunTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    public static TheoryData<string, string[], string[]> Profiles() => new()
    {
        // The defaults: fixed replicas, required anti-affinity, a LoadBalancer Service, no autoscaler. Not named
        // traefik: the demo estate's own Traefik has another selector and port names, which a real server would
        // refuse to merge with just as the sandbox does (selector immutable, duplicate port name).
        { "edge-default", [], ["deployment.apps", "service", "poddisruptionbudget.policy"] },
        {
            "edge-auto",
            ["--min-replicas", "2", "--max-replicas", "8", "--cpu-target", "60", "--anti-affinity", "Preferred", "--service-type", "NodePort"],
            ["deployment.apps", "service", "poddisruptionbudget.policy", "horizontalpodautoscaler.autoscaling"]
        },
        {
            "edge-pool",
            ["--replicas", "5", "--anti-affinity", "None", "--service-type", "ClusterIP", "--max-unavailable", "2", "--cpu-limit", "2",
             "--node-selector", "pool=edge", "--toleration", "dedicated=edge:NoSchedule", "--toleration", "gpu:NoExecute"],
            ["deployment.apps", "service", "poddisruptionbudget.policy"]
        },
        {
            "edge-json",
            ["--max-replicas", "4", "--image", "registry.example.internal/traefik:v3.7.9", "-o", "json"],
            ["deployment.apps", "service", "poddisruptionbudget.policy", "horizontalpodautoscaler.autoscaling"]
        },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task The_rendered_profile_passes_a_server_dry_run_and_nothing_is_stored(string name, string[] flags, string[] resources)
    {
        var rendered = await KubemateCli.SucceedAsync(["render", "gateway-profile", "--name", name, "-n", "traefik", .. flags]);

        var result = await fixture.Kubectl.RunAsync(["apply", "--dry-run=server", "-f", "-"], rendered.StdOut);

        Assert.True(result.ExitCode == 0, $"kubectl apply --dry-run=server refused the rendered profile:\n{result}\n--- rendered:\n{rendered.StdOut}");
        var lines = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(resources.Select(r => $"{r}/{name}"), lines.Select(line => line.Split(' ')[0]));
        Assert.All(lines, line => Assert.EndsWith("(server dry run)", line));
        foreach (var resource in resources)
        {
            var stored = await fixture.Kubectl.RunAsync("get", resource, name, "-n", "traefik");
            Assert.Contains("NotFound", stored.StdErr);
        }
    }
}
