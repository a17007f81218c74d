using k8s;
using k8s.Models;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Tests.Controllers;

public sealed class DeploymentControllerTests : IAsyncLifetime
{
    private SimulatedCluster _cluster = null!;
    private Kubernetes Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await SimulatedCluster.StartEmptyAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_deployment_gets_one_replica_set_named_by_template_hash_and_owned_running_pods()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("web", 3), ns);

        var deployment = await WaitUntilRolledOut(ns, "web", 3);
        var replicaSet = Assert.Single((await Client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
        var hash = replicaSet.Metadata.Labels["pod-template-hash"];
        Assert.Equal($"web-{hash}", replicaSet.Metadata.Name);
        Assert.Matches("^[bcdfghjklmnpqrstvwxz2456789]+$", hash);
        var owner = Assert.Single(replicaSet.Metadata.OwnerReferences);
        Assert.Equal(("Deployment", "web", deployment.Metadata.Uid, true, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
        Assert.Equal("1", replicaSet.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("1", deployment.Metadata.Annotations["deployment.kubernetes.io/revision"]);

        var pods = (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items;
        Assert.Equal(3, pods.Count);
        Assert.All(pods, pod =>
        {
            Assert.Matches($"^web-{hash}-[bcdfghjklmnpqrstvwxz2456789]{{5}}$", pod.Metadata.Name);
            Assert.Equal(replicaSet.Metadata.Uid, Assert.Single(pod.Metadata.OwnerReferences).Uid);
            Assert.Equal("Running", pod.Status.Phase);
        });

        Assert.Equal(deployment.Metadata.Generation, deployment.Status.ObservedGeneration);
        Assert.Equal((3, 3, 3, 3), (deployment.Status.Replicas, deployment.Status.UpdatedReplicas, deployment.Status.ReadyReplicas, deployment.Status.AvailableReplicas));
        Assert.Equal(0, deployment.Status.UnavailableReplicas ?? 0);
        var available = deployment.Status.Conditions.Single(c => c.Type == "Available");
        Assert.Equal(("True", "MinimumReplicasAvailable"), (available.Status, available.Reason));
    }

    [Fact]
    public async Task A_template_change_rolls_the_pods_within_max_surge_and_keeps_the_old_replica_set_at_zero()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("web", 4), ns);
        await WaitUntilRolledOut(ns, "web", 4);
        var first = Assert.Single((await Client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);

        using var watch = _cluster.Server.Store.Watch("/pods", ns, null);
        await Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"web","image":"ghcr.io/kubemate-demo/echo:2.0.0"}]}}}}""", V1Patch.PatchType.StrategicMergePatch), "web", ns);
        var deployment = await WaitUntilRolledOut(ns, "web", 4, generation: 2);

        var replicaSets = (await Client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items;
        Assert.Equal(2, replicaSets.Count);
        var old = replicaSets.Single(rs => rs.Metadata.Uid == first.Metadata.Uid);
        var current = replicaSets.Single(rs => rs.Metadata.Uid != first.Metadata.Uid);
        Assert.Equal(0, old.Spec.Replicas);
        Assert.Equal(4, current.Spec.Replicas);
        Assert.Equal("2", current.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.Equal("2", deployment.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        var progressing = deployment.Status.Conditions.Single(c => c.Type == "Progressing");
        Assert.Equal(("True", "NewReplicaSetAvailable"), (progressing.Status, progressing.Reason));

        // The status can report the rollout done a moment before the last old pod's deletion is visible.
        var pods = (await Eventually.Until(() => Client.CoreV1.ListNamespacedPodAsync(ns),
            list => list.Items.All(pod => pod.Metadata.Labels["pod-template-hash"] == current.Metadata.Labels["pod-template-hash"]),
            "only new pods left")).Items;
        Assert.Equal(4, pods.Count);
        Assert.All(pods, pod => Assert.Equal("ghcr.io/kubemate-demo/echo:2.0.0", pod.Spec.Containers[0].Image));

        // 25% of 4: at most one pod above the desired count at any moment of the rollout.
        Assert.True(MaxPodsDuring(watch) <= 5, "the rollout never exceeds replicas + maxSurge");
    }

    [Fact]
    public async Task Recreate_removes_every_old_pod_before_the_first_new_one_is_created()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("db", 2, new V1DeploymentStrategy { Type = "Recreate" }), ns);
        await WaitUntilRolledOut(ns, "db", 2);
        var oldHash = Assert.Single((await Client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items).Metadata.Labels["pod-template-hash"];

        using var watch = _cluster.Server.Store.Watch("/pods", ns, null);
        await Client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch("""{"spec":{"template":{"metadata":{"labels":{"release":"b"}}}}}""", V1Patch.PatchType.MergePatch), "db", ns);
        await WaitUntilRolledOut(ns, "db", 2, generation: 2);

        var live = new Dictionary<string, string>();
        var newPods = 0;
        while (watch.Events.TryRead(out var storeEvent))
        {
            var name = storeEvent.Object.Key.Name;
            if (storeEvent.Type == Storage.StoreEventType.Deleted)
            {
                live.Remove(name);
                continue;
            }
            var hash = storeEvent.Object.Object.Labels().GetValueOrDefault("pod-template-hash") ?? "";
            if (storeEvent.Type == Storage.StoreEventType.Added && hash != oldHash)
            {
                newPods++;
                Assert.DoesNotContain(oldHash, live.Values);
            }
            live[name] = hash;
        }
        Assert.Equal(2, newPods);
    }

    [Fact]
    public async Task A_strategy_the_apiserver_would_refuse_is_refused_with_its_field_path()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var zero = Workloads.Deployment("stuck", 2, new V1DeploymentStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 0, MaxUnavailable = 0 } });
        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => Client.AppsV1.CreateNamespacedDeploymentAsync(zero, ns));
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("spec.strategy.rollingUpdate.maxUnavailable", error.Response.Content);

        var malformed = Workloads.Deployment("odd", 2, new V1DeploymentStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = "a lot" } });
        error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => Client.AppsV1.CreateNamespacedDeploymentAsync(malformed, ns));
        Assert.Contains("spec.strategy.rollingUpdate.maxSurge", error.Response.Content);

        var defaulted = await Client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("plain", 2), ns);
        Assert.Equal(("RollingUpdate", "25%", "25%", 10), (defaulted.Spec.Strategy.Type, (string)defaulted.Spec.Strategy.RollingUpdate.MaxSurge, (string)defaulted.Spec.Strategy.RollingUpdate.MaxUnavailable, defaulted.Spec.RevisionHistoryLimit));
    }

    [Fact]
    public async Task Scaling_up_and_down_changes_the_number_of_pods()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("api", 1), ns);
        await WaitUntilRolledOut(ns, "api", 1);

        await Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":5}}""", V1Patch.PatchType.MergePatch), "api", ns);
        await WaitUntilRolledOut(ns, "api", 5, generation: 2);
        Assert.Equal(5, (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count);

        await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"replicas":2}}""", V1Patch.PatchType.MergePatch), "api", ns);
        await WaitUntilRolledOut(ns, "api", 2, generation: 3);
        await Eventually.Until(async () => (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count, n => n == 2, "two pods after scaling down");
        Assert.Single((await Client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items);
    }

    [Fact]
    public async Task Deleting_a_deployment_removes_its_replica_sets_and_pods()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("gone", 2), ns);
        await WaitUntilRolledOut(ns, "gone", 2);
        await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch("""{"spec":{"template":{"metadata":{"labels":{"v":"2"}}}}}""", V1Patch.PatchType.MergePatch), "gone", ns);
        await WaitUntilRolledOut(ns, "gone", 2, generation: 2);

        await _cluster.DeleteWithRetryAsync(() => Client.AppsV1.DeleteNamespacedDeploymentAsync("gone", ns));

        await Eventually.Until(async () => (await Client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Count, n => n == 0, "replica sets to be collected");
        await Eventually.Until(async () => (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Count, n => n == 0, "pods to be collected");
    }

    [Fact]
    public async Task Old_replica_sets_beyond_the_revision_history_limit_are_deleted()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var deployment = Workloads.Deployment("hist", 1);
        deployment.Spec.RevisionHistoryLimit = 1;
        await Client.AppsV1.CreateNamespacedDeploymentAsync(deployment, ns);
        await WaitUntilRolledOut(ns, "hist", 1);
        for (var release = 2; release <= 4; release++)
        {
            await Client.AppsV1.PatchNamespacedDeploymentAsync(new V1Patch(TemplateLabelPatch("release", release.ToString(System.Globalization.CultureInfo.InvariantCulture)), V1Patch.PatchType.MergePatch), "hist", ns);
            await WaitUntilRolledOut(ns, "hist", 1, generation: release);
        }
        var revisions = await Eventually.Until(
            async () => (await Client.AppsV1.ListNamespacedReplicaSetAsync(ns)).Items.Select(rs => rs.Metadata.Annotations["deployment.kubernetes.io/revision"]).Order().ToList(),
            r => r.Count == 2, "one current and one old replica set");
        Assert.Equal(["3", "4"], revisions);
    }

    private async Task<V1Deployment> WaitUntilRolledOut(string ns, string name, int replicas, long generation = 1) =>
        await Eventually.Until(
            () => Client.AppsV1.ReadNamespacedDeploymentAsync(name, ns),
            d => d.Status is { } s && d.Metadata.Generation >= generation && s.ObservedGeneration == d.Metadata.Generation
                && (s.Replicas ?? 0) == replicas && (s.UpdatedReplicas ?? 0) == replicas && (s.AvailableReplicas ?? 0) == replicas
                && s.Conditions?.Any(c => c.Type == "Progressing" && c.Reason == "NewReplicaSetAvailable") == true,
            $"deployment {ns}/{name} to roll out {replicas} replicas");

    private static string TemplateLabelPatch(string label, string value) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["spec"] = new System.Text.Json.Nodes.JsonObject
            {
                ["template"] = new System.Text.Json.Nodes.JsonObject { ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["labels"] = new System.Text.Json.Nodes.JsonObject { [label] = value } } },
            },
        }.ToJsonString();

    private static int MaxPodsDuring(Storage.StoreWatch watch)
    {
        var live = new HashSet<string>();
        var max = 0;
        while (watch.Events.TryRead(out var storeEvent))
        {
            if (storeEvent.Type == Storage.StoreEventType.Deleted)
            {
                live.Remove(storeEvent.Object.Key.Name);
            }
            else
            {
                live.Add(storeEvent.Object.Key.Name);
            }
            max = Math.Max(max, live.Count);
        }
        return max;
    }
}
