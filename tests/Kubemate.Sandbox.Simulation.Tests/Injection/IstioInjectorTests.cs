using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Injection;
using Kubemate.Sandbox.Simulation.Injection.Istio;
using static Kubemate.Sandbox.Simulation.Tests.Injection.TestPods;

namespace Kubemate.Sandbox.Simulation.Tests.Injection;

public sealed class IstioInjectorTests
{
    private static readonly IstioInjectorConfig Config = new();
    private static readonly Dictionary<string, string> InjectionEnabled = new() { ["istio-injection"] = "enabled" };

    private static InjectionOutcome InjectInLabelledNamespace(JsonObject pod, IstioInjectorConfig? config = null) =>
        IstioInjector.Inject(pod, Namespace(labels: InjectionEnabled), config ?? Config);

    [Fact]
    public void A_pod_in_a_namespace_labelled_for_injection_gets_istio_proxy_and_istio_init()
    {
        var outcome = InjectInLabelledNamespace(Pod());

        Assert.True(outcome.Injected, outcome.Reason);
        Assert.Equal("namespace label istio-injection=enabled", outcome.Reason);
        Assert.Equal(["orders", "istio-proxy"], Names(outcome.Pod, "containers"));
        Assert.Equal(["istio-init"], Names(outcome.Pod, "initContainers"));

        var proxy = Container(outcome.Pod, "istio-proxy");
        Assert.Equal("docker.io/istio/proxyv2:1.24.3", proxy["image"]!.ToString());
        var ports = proxy["ports"]!.AsArray().Select(p => (p!["name"]!.ToString(), p["containerPort"]!.GetValue<int>())).ToList();
        Assert.Equal([("http-envoy-prom", 15090), ("status-port", 15021)], ports);
        Assert.Equal("/healthz/ready", proxy["readinessProbe"]!["httpGet"]!["path"]!.ToString());
        Assert.Equal(15021, proxy["readinessProbe"]!["httpGet"]!["port"]!.GetValue<int>());
        Assert.Equal("orders", Env(proxy, "ISTIO_META_WORKLOAD_NAME"));
        Assert.Equal("kubernetes://apis/apps/v1/namespaces/orders/deployments/orders", Env(proxy, "ISTIO_META_OWNER"));

        var init = Container(outcome.Pod, "istio-init", "initContainers");
        Assert.Equal("istio-iptables", Strings(init["args"])[0]);
        Assert.Contains("15090,15021,15020", Strings(init["args"]));
    }

    [Fact]
    public void Injected_pods_carry_the_status_annotation_and_mesh_labels()
    {
        var pod = Pod(labels: new Dictionary<string, string> { ["app"] = "orders", ["version"] = "v2", ["pod-template-hash"] = "7d9c8f6b5d" });

        var outcome = InjectInLabelledNamespace(pod);

        Assert.Equal("istio", Label(outcome.Pod, "security.istio.io/tlsMode"));
        Assert.Equal("orders", Label(outcome.Pod, "service.istio.io/canonical-name"));
        Assert.Equal("v2", Label(outcome.Pod, "service.istio.io/canonical-revision"));
        var status = JsonNode.Parse(Annotation(outcome.Pod, "sidecar.istio.io/status")!)!;
        Assert.Equal(["istio-init"], Strings(status["initContainers"]));
        Assert.Equal(["istio-proxy"], Strings(status["containers"]));
        Assert.Equal(Names(outcome.Pod, "volumes"), Strings(status["volumes"]));
        Assert.Equal("default", status["revision"]!.ToString());
        Assert.Equal("orders", Annotation(outcome.Pod, "kubectl.kubernetes.io/default-container"));
    }

    [Fact]
    public void Metrics_merging_points_the_scrape_annotations_at_the_agent_and_keeps_the_apps_own_for_it()
    {
        var pod = Pod(annotations: new Dictionary<string, string> { ["prometheus.io/scrape"] = "true", ["prometheus.io/port"] = "9102" });

        var outcome = InjectInLabelledNamespace(pod);

        Assert.Equal(("true", "15020", "/stats/prometheus"),
            (Annotation(outcome.Pod, "prometheus.io/scrape"), Annotation(outcome.Pod, "prometheus.io/port"), Annotation(outcome.Pod, "prometheus.io/path")));
        Assert.Equal("""{"scrape":"true","port":"9102"}""", Env(Container(outcome.Pod, "istio-proxy"), "ISTIO_PROMETHEUS_ANNOTATIONS"));
    }

    [Fact]
    public void Canonical_revision_defaults_to_latest()
    {
        var outcome = InjectInLabelledNamespace(Pod());

        Assert.Equal("latest", Label(outcome.Pod, "service.istio.io/canonical-revision"));
    }

    [Fact]
    public void A_pod_label_false_wins_over_the_namespace_label()
    {
        var pod = Pod(labels: new Dictionary<string, string> { ["app"] = "orders", ["sidecar.istio.io/inject"] = "false" });

        var outcome = InjectInLabelledNamespace(pod);

        Assert.False(outcome.Injected);
        Assert.Equal(IstioInjectionReasons.PodOptedOut, outcome.Reason);
        Assert.True(JsonNode.DeepEquals(pod, outcome.Pod));
    }

    [Fact]
    public void A_pod_label_true_injects_in_an_unlabelled_namespace()
    {
        var pod = Pod(labels: new Dictionary<string, string> { ["app"] = "orders", ["sidecar.istio.io/inject"] = "true" });

        var outcome = IstioInjector.Inject(pod, Namespace(), Config);

        Assert.True(outcome.Injected);
        Assert.Equal("pod label sidecar.istio.io/inject=true", outcome.Reason);
    }

    [Fact]
    public void A_namespace_labelled_disabled_is_never_injected()
    {
        var pod = Pod(labels: new Dictionary<string, string> { ["app"] = "orders", ["sidecar.istio.io/inject"] = "true" });

        var outcome = IstioInjector.Inject(pod, Namespace(labels: new Dictionary<string, string> { ["istio-injection"] = "disabled" }), Config);

        Assert.False(outcome.Injected);
        Assert.Equal(IstioInjectionReasons.NamespaceDisabled, outcome.Reason);
    }

    [Fact]
    public void A_pod_without_any_switch_is_skipped()
    {
        var outcome = IstioInjector.Inject(Pod(), Namespace(), Config);

        Assert.False(outcome.Injected);
        Assert.Equal(IstioInjectionReasons.NotEnabled, outcome.Reason);
    }

    [Fact]
    public void A_revision_label_selects_the_matching_control_plane_only()
    {
        var revisioned = Namespace(labels: new Dictionary<string, string> { ["istio.io/rev"] = "canary" });

        var matching = IstioInjector.Inject(Pod(), revisioned, Config with { Revision = "canary" });
        var other = IstioInjector.Inject(Pod(), revisioned, Config);

        Assert.True(matching.Injected);
        Assert.Equal("istiod-canary.istio-system.svc:15012", Env(Container(matching.Pod, "istio-proxy"), "CA_ADDR"));
        Assert.False(other.Injected);
    }

    [Fact]
    public void Host_network_pods_are_skipped()
    {
        var pod = Pod();
        pod["spec"]!["hostNetwork"] = true;

        var outcome = InjectInLabelledNamespace(pod);

        Assert.False(outcome.Injected);
        Assert.Equal(IstioInjectionReasons.HostNetwork, outcome.Reason);
    }

    [Fact]
    public void Pods_that_already_have_istio_proxy_are_left_unchanged()
    {
        var source = InjectFixtures.Templates("inject_emojivoto_istio.input.yml").Single().ToPod();
        var injectedOnce = InjectInLabelledNamespace(Pod()).Pod;

        foreach (var pod in new[] { source, injectedOnce })
        {
            var outcome = InjectInLabelledNamespace(pod);
            Assert.False(outcome.Injected);
            Assert.Equal(IstioInjectionReasons.AlreadyInjected, outcome.Reason);
            Assert.True(JsonNode.DeepEquals(pod, outcome.Pod));
        }
    }

    [Fact]
    public void Interception_mode_none_needs_no_init_container()
    {
        var pod = Pod(annotations: new Dictionary<string, string> { ["sidecar.istio.io/interceptionMode"] = "NONE" });

        var outcome = InjectInLabelledNamespace(pod);

        Assert.Empty(Names(outcome.Pod, "initContainers"));
        Assert.Equal([], Strings(JsonNode.Parse(Annotation(outcome.Pod, "sidecar.istio.io/status")!)!["initContainers"]));
    }

    [Fact]
    public void Sidecar_resource_annotations_override_the_defaults_and_bad_values_warn()
    {
        var pod = Pod(annotations: new Dictionary<string, string>
        {
            ["sidecar.istio.io/proxyCPU"] = "0.25",
            ["sidecar.istio.io/proxyMemoryLimit"] = "lots",
        });

        var outcome = InjectInLabelledNamespace(pod);

        var resources = Container(outcome.Pod, "istio-proxy")["resources"]!;
        Assert.Equal("250m", resources["requests"]!["cpu"]!.ToString());
        Assert.Equal("1Gi", resources["limits"]!["memory"]!.ToString());
        Assert.Equal(["metadata.annotations[\"sidecar.istio.io/proxyMemoryLimit\"]: \"lots\" is not a resource quantity such as 100m or 128Mi; using 1Gi"], outcome.Warnings);
    }

    [Fact]
    public void Traffic_annotations_reach_istio_iptables()
    {
        var pod = Pod(annotations: new Dictionary<string, string>
        {
            ["traffic.sidecar.istio.io/excludeOutboundPorts"] = "5432",
            ["traffic.sidecar.istio.io/excludeInboundPorts"] = "9000",
        });

        var args = Strings(Container(InjectInLabelledNamespace(pod).Pod, "istio-init", "initContainers")["args"]).ToList();

        Assert.Equal("5432", args[args.IndexOf("-o") + 1]);
        Assert.Equal("15090,15021,15020,9000", args[args.IndexOf("-d") + 1]);
    }

    [Fact]
    public void Holding_the_application_puts_istio_proxy_first()
    {
        var outcome = InjectInLabelledNamespace(Pod(), Config with { HoldApplicationUntilProxyStarts = true });

        Assert.Equal(["istio-proxy", "orders"], Names(outcome.Pod, "containers"));
    }

    [Fact]
    public void System_namespaces_and_odd_pods_are_skipped_instead_of_throwing()
    {
        var system = IstioInjector.Inject(Pod("kube-system"), Namespace("kube-system", labels: InjectionEnabled), Config);
        var empty = InjectInLabelledNamespace(new JsonObject());

        Assert.Equal("namespace kube-system is ignored by the sidecar injector", system.Reason);
        Assert.Equal(IstioInjectionReasons.NoContainers, empty.Reason);
    }
}
