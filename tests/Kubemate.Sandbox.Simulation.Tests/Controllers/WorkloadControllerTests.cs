using System.Net;
using k8s;
using k8s.Models;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Tests.Controllers;

public sealed class WorkloadControllerTests : IAsyncLifetime
{
    private SimulatedCluster _cluster = null!;
    private Kubernetes Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await SimulatedCluster.StartEmptyAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task A_statefulset_numbers_its_pods_and_replaces_them_from_the_highest_ordinal_down()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.AppsV1.CreateNamespacedStatefulSetAsync(new V1StatefulSet
        {
            Metadata = new V1ObjectMeta { Name = "db" },
            Spec = new V1StatefulSetSpec
            {
                ServiceName = "db",
                Replicas = 3,
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } },
                Template = Workloads.Template("db"),
            },
        }, ns);
        var first = await Eventually.Until(() => Client.AppsV1.ReadNamespacedStatefulSetAsync("db", ns),
            s => s.Status?.ReadyReplicas == 3 && s.Status.CurrentRevision == s.Status.UpdateRevision, "statefulset ready");
        var pods = (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items.OrderBy(p => p.Metadata.Name).ToList();
        Assert.Equal(["db-0", "db-1", "db-2"], pods.Select(p => p.Metadata.Name));
        Assert.All(pods, p => Assert.Equal(first.Status.UpdateRevision, p.Metadata.Labels["controller-revision-hash"]));
        Assert.All(pods, p => Assert.Equal((p.Metadata.Name, "db"), (p.Spec.Hostname, p.Spec.Subdomain)));
        Assert.Equal("RollingUpdate", first.Spec.UpdateStrategy.Type);

        using var watch = _cluster.Server.Store.Watch("/pods", ns, _cluster.Server.Store.Revision);
        await Client.AppsV1.PatchNamespacedStatefulSetAsync(
            new V1Patch("""{"spec":{"template":{"metadata":{"labels":{"release":"2"}}}}}""", V1Patch.PatchType.MergePatch), "db", ns);
        var updated = await Eventually.Until(() => Client.AppsV1.ReadNamespacedStatefulSetAsync("db", ns),
            s => s.Status?.UpdatedReplicas == 3 && s.Status.ReadyReplicas == 3 && s.Status.CurrentRevision == s.Status.UpdateRevision
                && s.Status.UpdateRevision != first.Status.UpdateRevision, "statefulset rolled to the new revision");

        var deletions = new List<string>();
        while (watch.Events.TryRead(out var storeEvent))
        {
            if (storeEvent.Type == StoreEventType.Deleted)
            {
                deletions.Add(storeEvent.Object.Key.Name);
            }
        }
        Assert.Equal(["db-2", "db-1", "db-0"], deletions);
        Assert.Equal(3, updated.Status.CurrentReplicas);
    }

    [Fact]
    public async Task A_daemonset_runs_one_pod_on_each_simulated_node()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.AppsV1.CreateNamespacedDaemonSetAsync(new V1DaemonSet
        {
            Metadata = new V1ObjectMeta { Name = "agent" },
            Spec = new V1DaemonSetSpec
            {
                Selector = new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "agent" } },
                Template = Workloads.Template("agent"),
            },
        }, ns);
        var set = await Eventually.Until(() => Client.AppsV1.ReadNamespacedDaemonSetAsync("agent", ns),
            s => s.Status is { NumberAvailable: 3, UpdatedNumberScheduled: 3 }, "daemonset available on three nodes");
        Assert.Equal((3, 3, 3, set.Metadata.Generation), (set.Status.DesiredNumberScheduled, set.Status.CurrentNumberScheduled, set.Status.NumberReady, set.Status.ObservedGeneration));
        var nodes = (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items.Select(p => p.Spec.NodeName).Order().ToList();
        Assert.Equal(["sandbox-node-1", "sandbox-node-2", "sandbox-node-3"], nodes);
    }

    [Fact]
    public async Task A_job_runs_its_pods_to_completion()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.BatchV1.CreateNamespacedJobAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "migrate" },
            Spec = new V1JobSpec { Completions = 2, Parallelism = 1, Template = Workloads.Template("migrate", restartPolicy: "Never") },
        }, ns);
        var job = await Eventually.Until(() => Client.BatchV1.ReadNamespacedJobAsync("migrate", ns),
            j => j.Status?.Conditions?.Any(c => c.Type == "Complete" && c.Status == "True") == true, "job complete");
        Assert.Equal(2, job.Status.Succeeded);
        Assert.NotNull(job.Status.CompletionTime);
        Assert.Equal(job.Metadata.Uid, job.Spec.Selector.MatchLabels["batch.kubernetes.io/controller-uid"]);
        var pods = (await Client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: "job-name=migrate")).Items;
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.Equal("Succeeded", p.Status.Phase));
        Assert.All(pods, p => Assert.Equal("Completed", p.Status.ContainerStatuses[0].State.Terminated.Reason));
    }

    [Fact]
    public async Task A_job_whose_pods_would_restart_forever_is_refused_with_the_field_named()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var error = await Assert.ThrowsAsync<k8s.Autorest.HttpOperationException>(() => Client.BatchV1.CreateNamespacedJobAsync(new V1Job
        {
            Metadata = new V1ObjectMeta { Name = "forever" },
            Spec = new V1JobSpec { Template = Workloads.Template("forever") },
        }, ns));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("spec.template.spec.restartPolicy", error.Response.Content);
    }

    [Fact]
    public async Task Pods_are_scheduled_get_unique_pod_ips_and_turn_ready_with_container_statuses()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var template = Workloads.Template("bare");
        template.Spec.InitContainers = [new V1Container { Name = "setup", Image = "busybox:1.36" }];
        for (var i = 0; i < 6; i++)
        {
            await Client.CoreV1.CreateNamespacedPodAsync(new V1Pod { Metadata = new V1ObjectMeta { Name = $"bare-{i}" }, Spec = template.Spec }, ns);
        }
        var pods = await Eventually.Until(async () => (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items,
            items => items.Count == 6 && items.All(p => p.Status?.Phase == "Running"), "six running pods");

        Assert.Equal(6, pods.Select(p => p.Status.PodIP).Distinct().Count());
        Assert.All(pods, pod =>
        {
            Assert.StartsWith("sandbox-node-", pod.Spec.NodeName);
            Assert.True(IPAddress.Parse(pod.Status.PodIP).GetAddressBytes() is [10, 244, _, _], pod.Status.PodIP);
            Assert.StartsWith("172.18.0.", pod.Status.HostIP);
            Assert.Equal(new[] { "Initialized", "PodReadyToStartContainers", "PodScheduled", "Ready", "ContainersReady" }.Order(), pod.Status.Conditions.Where(c => c.Status == "True").Select(c => c.Type).Order());
            var container = Assert.Single(pod.Status.ContainerStatuses);
            Assert.True(container.Ready);
            Assert.True(container.Started);
            Assert.Equal(0, container.RestartCount);
            Assert.Equal("ghcr.io/kubemate-demo/echo:1.0.0", container.Image);
            Assert.Matches("^ghcr.io/kubemate-demo/echo@sha256:[0-9a-f]{64}$", container.ImageID);
            Assert.Matches("^containerd://[0-9a-f]{64}$", container.ContainerID);
            Assert.NotNull(container.State.Running);
            var init = Assert.Single(pod.Status.InitContainerStatuses);
            Assert.Equal(("Completed", 0, "docker.io/library/busybox:1.36"), (init.State.Terminated.Reason, init.State.Terminated.ExitCode, init.Image));
            Assert.Equal("default", pod.Spec.ServiceAccountName);
            Assert.Contains(pod.Spec.Volumes, v => v.Name.StartsWith("kube-api-access-", StringComparison.Ordinal));
        });
        Assert.Equal(3, pods.Select(p => p.Spec.NodeName).Distinct().Count());
    }

    [Fact]
    public async Task Every_namespace_gets_a_default_service_account()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var account = await Eventually.Until(async () => (await Client.CoreV1.ListNamespacedServiceAccountAsync(ns)).Items,
            items => items.Any(a => a.Metadata.Name == "default"), "the default service account");
        Assert.Single(account);
        Assert.NotNull(await Client.CoreV1.ReadNamespacedServiceAccountAsync("default", "kube-system"));
    }
}
