using System.Text.RegularExpressions;
using Kubemate.Testing;

namespace Kubemate.Tests.Sandbox;

/// <summary>Rollouts as kubectl drives them: restart, status, and a watch that sees pods leave and arrive.</summary>
public sealed class KubectlRolloutTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private Kubectl Kubectl => fixture.Kubectl;

    [Fact]
    public async Task Rollout_restart_completes_and_the_watch_shows_old_pods_leaving_and_new_ones_arriving()
    {
        await Kubectl.Ok("rollout", "status", "deploy/inventory", "-n", "orders", "--timeout=60s");
        var before = PodNames(await Kubectl.Ok("get", "pods", "-n", "orders", "-l", "app=inventory", "-o", "name"));
        Assert.NotEmpty(before);

        // The watch must outlast the rollout on a busy machine (25 s once did not), so it runs 45 s.
        var watch = Kubectl.RunAsync(["get", "pods", "-n", "orders", "-l", "app=inventory", "-w", "--output-watch-events", "--request-timeout=45s"], null, TimeSpan.FromSeconds(60));
        await Task.Delay(1500);
        Assert.Contains("restarted", await Kubectl.Ok("rollout", "restart", "deploy/inventory", "-n", "orders"));
        var status = await Kubectl.Ok("rollout", "status", "deploy/inventory", "-n", "orders", "--timeout=60s");
        Assert.Contains("successfully rolled out", status);

        var after = PodNames(await Eventually.Until(
            () => Kubectl.Ok("get", "pods", "-n", "orders", "-l", "app=inventory", "-o", "name"),
            o => !PodNames(o).Intersect(before).Any(), what: "old pods gone"));
        Assert.Empty(after.Intersect(before));

        var watched = (await watch).StdOut;
        foreach (var pod in before)
        {
            Assert.Matches($"DELETED\\s+{Regex.Escape(pod)}", watched);
        }
        foreach (var pod in after)
        {
            Assert.Matches($"ADDED\\s+{Regex.Escape(pod)}", watched);
        }
    }

    private static List<string> PodNames(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(l => l.Replace("pod/", "", StringComparison.Ordinal)).ToList();
}
