using k8s;
using k8s.Models;

namespace Kubemate.Sandbox.Simulation.Tests.Admission;

/// <summary>The mesh injectors run as the webhooks would, once their control plane's webhook configuration exists.</summary>
public sealed class SidecarInjectionTests : IAsyncLifetime
{
    private SimulatedCluster _cluster = null!;
    private Kubernetes Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await SimulatedCluster.StartEmptyAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Linkerd_injects_pods_of_annotated_namespaces_once_its_webhook_is_installed()
    {
        var ns = await _cluster.NewNamespaceAsync(new Dictionary<string, string> { ["linkerd.io/inject"] = "enabled" });
        var before = await Client.CoreV1.CreateNamespacedPodAsync(Pod("before"), ns);
        Assert.DoesNotContain(before.Spec.Containers, c => c.Name == "linkerd-proxy");

        await Client.AdmissionregistrationV1.CreateMutatingWebhookConfigurationAsync(Webhook("linkerd-proxy-injector-webhook-config", "linkerd", "linkerd-proxy-injector"));
        var after = await Client.CoreV1.CreateNamespacedPodAsync(Pod("after"), ns);
        Assert.Contains(after.Spec.Containers.Concat(after.Spec.InitContainers ?? []), c => c.Name == "linkerd-proxy");
        Assert.Contains(after.Spec.InitContainers ?? [], c => c.Name == "linkerd-init");
        Assert.Equal(ns, after.Metadata.Labels["linkerd.io/workload-ns"]);

        var opted = Pod("opted-out");
        opted.Metadata.Annotations = new Dictionary<string, string> { ["linkerd.io/inject"] = "disabled" };
        var skipped = await Client.CoreV1.CreateNamespacedPodAsync(opted, ns);
        Assert.DoesNotContain(skipped.Spec.Containers, c => c.Name == "linkerd-proxy");

        var running = await Eventually.Until(() => Client.CoreV1.ReadNamespacedPodAsync("after", ns), p => p.Status?.Phase == "Running", "the injected pod running");
        Assert.Contains(running.Status.ContainerStatuses.Concat(running.Status.InitContainerStatuses ?? []), s => s.Name == "linkerd-proxy" && s.Ready);
    }

    [Fact]
    public async Task Istio_injects_pods_of_namespaces_labelled_for_injection_once_istiod_is_installed()
    {
        var ns = "test-" + Guid.NewGuid().ToString("N")[..8];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns, Labels = new Dictionary<string, string> { ["istio-injection"] = "enabled" } } });
        await Client.AdmissionregistrationV1.CreateMutatingWebhookConfigurationAsync(Webhook("istio-sidecar-injector", "istio-system", "istiod"));

        var pod = await Client.CoreV1.CreateNamespacedPodAsync(Pod("meshed"), ns);
        Assert.Contains(pod.Spec.Containers, c => c.Name == "istio-proxy");
        Assert.Contains(pod.Spec.InitContainers ?? [], c => c.Name == "istio-init");
        Assert.True(pod.Metadata.Annotations.ContainsKey("sidecar.istio.io/status"));
    }

    private static V1Pod Pod(string name) => new() { Metadata = new V1ObjectMeta { Name = name }, Spec = Workloads.Template(name).Spec };

    private static V1MutatingWebhookConfiguration Webhook(string name, string ns, string service) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Webhooks =
        [
            new V1MutatingWebhook
            {
                Name = $"{service}.{ns}.svc",
                AdmissionReviewVersions = ["v1"],
                SideEffects = "None",
                ClientConfig = new Admissionregistrationv1WebhookClientConfig { Service = new Admissionregistrationv1ServiceReference { Name = service, NamespaceProperty = ns } },
                Rules = [new V1RuleWithOperations { ApiGroups = [""], ApiVersions = ["v1"], Operations = ["CREATE"], Resources = ["pods"] }],
            },
        ],
    };
}
