namespace Kubemate.Sandbox.Simulation.Tests.Controllers;

/// <summary>The real kubectl's rollout verbs behave against the sandbox as on a cluster.</summary>
public sealed class KubectlRolloutTests : IAsyncLifetime
{
    private SimulatedCluster _cluster = null!;
    private Kubectl _kubectl = null!;

    public async Task InitializeAsync()
    {
        _cluster = await SimulatedCluster.StartEmptyAsync();
        _kubectl = Kubectl.For(_cluster.Server);
    }

    public async Task DisposeAsync()
    {
        _kubectl.Dispose();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task Rollout_status_waits_for_a_restart_to_finish_and_history_lists_the_revisions()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Apply(Deployment(ns, "shop", "ghcr.io/kubemate-demo/shop:1.0.0", 3));
        var first = await _kubectl.Run("-n", ns, "rollout", "status", "deployment/shop", "--timeout=60s");
        Assert.Contains("deployment \"shop\" successfully rolled out", first);

        await _kubectl.Run("-n", ns, "rollout", "restart", "deployment/shop");
        var second = await _kubectl.Run("-n", ns, "rollout", "status", "deployment/shop", "--timeout=60s");
        Assert.Contains("successfully rolled out", second);

        var pods = await _kubectl.Run("-n", ns, "get", "pods", "-o", "jsonpath={range .items[*]}{.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}{\"|\"}{.status.phase}{\"\\n\"}{end}");
        var lines = pods.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\dT.+\|Running$", line));

        var history = await _kubectl.Run("-n", ns, "rollout", "history", "deployment/shop");
        Assert.Matches(@"(?m)^1\s", history);
        Assert.Matches(@"(?m)^2\s", history);
    }

    [Fact]
    public async Task Rollout_undo_brings_back_the_previous_template_as_a_new_revision()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Apply(Deployment(ns, "pay", "ghcr.io/kubemate-demo/pay:1.0.0", 1));
        await _kubectl.Run("-n", ns, "rollout", "status", "deployment/pay", "--timeout=60s");
        await _kubectl.Run("-n", ns, "set", "image", "deployment/pay", "pay=ghcr.io/kubemate-demo/pay:2.0.0");
        await _kubectl.Run("-n", ns, "rollout", "status", "deployment/pay", "--timeout=60s");

        await _kubectl.Run("-n", ns, "rollout", "undo", "deployment/pay");
        await _kubectl.Run("-n", ns, "rollout", "status", "deployment/pay", "--timeout=60s");

        var image = await _kubectl.Run("-n", ns, "get", "pods", "-o", "jsonpath={.items[*].spec.containers[0].image}");
        Assert.Equal("ghcr.io/kubemate-demo/pay:1.0.0", image.Trim());
        var revision = await _kubectl.Run("-n", ns, "get", "deployment", "pay", "-o", "jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}");
        Assert.Equal("3", revision.Trim());
        var replicaSets = await _kubectl.Run("-n", ns, "get", "replicasets", "-o", "jsonpath={.items[*].spec.replicas}");
        Assert.Equal(["0", "1"], replicaSets.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task Rollout_status_of_statefulsets_and_daemonsets_reports_completion()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Apply($$$"""
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: db
              namespace: {{{ns}}}
            spec:
              serviceName: db
              replicas: 2
              selector: {matchLabels: {app: db}}
              template:
                metadata: {labels: {app: db}}
                spec:
                  containers: [{name: db, image: docker.io/library/postgres:16.6}]
            ---
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: agent
              namespace: {{{ns}}}
            spec:
              selector: {matchLabels: {app: agent}}
              template:
                metadata: {labels: {app: agent}}
                spec:
                  containers: [{name: agent, image: ghcr.io/kubemate-demo/agent:1.0.0}]
            """);

        // The apiserver defaults rollingUpdate.partition to 0, so kubectl reports a partitioned roll-out, as on a cluster.
        Assert.Contains("partitioned roll out complete: 2 new pods have been updated", await _kubectl.Run("-n", ns, "rollout", "status", "statefulset/db", "--timeout=60s"));
        Assert.Contains("successfully rolled out", await _kubectl.Run("-n", ns, "rollout", "status", "daemonset/agent", "--timeout=60s"));
    }

    // kubectl create sends protobuf, which the sandbox does not read; apply sends JSON.
    private async Task Apply(string yaml)
    {
        var manifest = Path.Combine(Path.GetTempPath(), $"kubemate-sim-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(manifest, yaml);
        try
        {
            await _kubectl.Run("apply", "-f", manifest);
        }
        finally
        {
            File.Delete(manifest);
        }
    }

    private static string Deployment(string ns, string name, string image, int replicas) => $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{{name}}}
          namespace: {{{ns}}}
        spec:
          replicas: {{{replicas}}}
          selector:
            matchLabels:
              app: {{{name}}}
          template:
            metadata:
              labels:
                app: {{{name}}}
            spec:
              containers:
              - name: {{{name}}}
                image: {{{image}}}
        """;
}
