using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Injection;
using Kubemate.Sandbox.Simulation.Injection.Linkerd;
using static Kubemate.Sandbox.Simulation.Tests.Injection.TestPods;

namespace Kubemate.Sandbox.Simulation.Tests.Injection;

public sealed class LinkerdInjectorTests
{
    private static readonly Dictionary<string, string> Enabled = new() { ["linkerd.io/inject"] = "enabled" };
    private static readonly LinkerdInjectorConfig Config = new();

    private static InjectionOutcome InjectInMeshedNamespace(JsonObject pod, LinkerdInjectorConfig? config = null, Dictionary<string, string>? namespaceAnnotations = null)
    {
        var annotations = new Dictionary<string, string>(Enabled);
        foreach (var (key, value) in namespaceAnnotations ?? [])
        {
            annotations[key] = value;
        }
        return LinkerdInjector.Inject(pod, Namespace(annotations: annotations), config ?? Config);
    }

    [Fact]
    public void A_pod_in_an_annotated_namespace_gets_the_proxy_as_a_native_sidecar_with_the_default_config()
    {
        var outcome = InjectInMeshedNamespace(Pod());

        Assert.True(outcome.Injected, outcome.Reason);
        Assert.Equal(["linkerd-init", "linkerd-proxy"], Names(outcome.Pod, "initContainers"));
        Assert.Equal(["orders"], Names(outcome.Pod, "containers"));
        var proxy = Container(outcome.Pod, "linkerd-proxy", "initContainers");
        Assert.Equal($"cr.l5d.io/linkerd/proxy:{LinkerdInjectorConfig.DefaultVersion}", proxy["image"]!.ToString());
        Assert.Equal("Always", proxy["restartPolicy"]!.ToString());
        Assert.Equal("8080", Env(proxy, "LINKERD2_PROXY_INBOUND_PORTS"));
        Assert.Equal($"linkerd/proxy-injector {LinkerdInjectorConfig.DefaultVersion}", Annotation(outcome.Pod, "linkerd.io/created-by"));
        Assert.Equal("orders", Label(outcome.Pod, "linkerd.io/proxy-deployment"));
        Assert.Equal("orders", Label(outcome.Pod, "linkerd.io/workload-ns"));
        Assert.Equal("linkerd", Label(outcome.Pod, "linkerd.io/control-plane-ns"));
        Assert.Equal(["linkerd-proxy-init-xtables-lock", "linkerd-identity-end-entity", "linkerd-identity-token"], Names(outcome.Pod, "volumes"));
    }

    [Fact]
    public void Without_configured_anchors_the_proxy_trusts_a_generated_sandbox_root_whose_digest_is_annotated()
    {
        var outcome = InjectInMeshedNamespace(Pod());

        var anchors = Env(Container(outcome.Pod, "linkerd-proxy", "initContainers"), "LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS")!;
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", anchors, StringComparison.Ordinal);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(anchors)));
        Assert.Equal(expected, Annotation(outcome.Pod, "linkerd.io/trust-root-sha256"));
        Assert.Equal(anchors, Env(Container(InjectInMeshedNamespace(Pod()).Pod, "linkerd-proxy", "initContainers"), "LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS"));
    }

    [Fact]
    public void The_input_pod_is_not_modified()
    {
        var pod = Pod();
        var before = pod.DeepClone();

        var outcome = InjectInMeshedNamespace(pod);

        Assert.True(JsonNode.DeepEquals(before, pod));
        Assert.NotSame(pod, outcome.Pod);
    }

    [Fact]
    public void A_disabled_pod_annotation_wins_over_an_enabled_namespace()
    {
        var pod = Pod(annotations: new Dictionary<string, string> { ["linkerd.io/inject"] = "disabled" });

        var outcome = InjectInMeshedNamespace(pod);

        Assert.False(outcome.Injected);
        Assert.Equal("pod has the annotation \"linkerd.io/inject:disabled\"", outcome.Reason);
        Assert.True(JsonNode.DeepEquals(pod, outcome.Pod));
    }

    [Fact]
    public void A_pod_annotation_enables_injection_in_a_plain_namespace()
    {
        var outcome = LinkerdInjector.Inject(Pod(annotations: Enabled), Namespace(), Config);

        Assert.True(outcome.Injected);
        Assert.Equal("linkerd.io/inject: enabled on the pod", outcome.Reason);
    }

    [Fact]
    public void A_pod_in_a_plain_namespace_is_skipped_with_linkerds_reason()
    {
        var outcome = LinkerdInjector.Inject(Pod(), null, Config);

        Assert.False(outcome.Injected);
        Assert.Equal("neither the namespace nor the pod have the annotation \"linkerd.io/inject:enabled\"", outcome.Reason);
    }

    [Theory]
    [InlineData("namespace", "invalid value for annotation \"linkerd.io/inject\" at namespace")]
    [InlineData("pod", "invalid value for annotation \"linkerd.io/inject\" at workload")]
    public void An_invalid_inject_value_is_reported_where_it_was_set(string where, string reason)
    {
        var invalid = new Dictionary<string, string> { ["linkerd.io/inject"] = "yes" };
        var pod = where == "pod" ? Pod(annotations: invalid) : Pod();
        var ns = Namespace(annotations: where == "namespace" ? invalid : Enabled);

        var outcome = LinkerdInjector.Inject(pod, ns, Config);

        Assert.False(outcome.Injected);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void Every_reason_is_listed_when_several_apply()
    {
        var pod = Pod();
        pod["spec"]!["hostNetwork"] = true;

        var outcome = LinkerdInjector.Inject(pod, Namespace(), Config);

        Assert.Equal(["hostNetwork is enabled", "neither the namespace nor the pod have the annotation \"linkerd.io/inject:enabled\""], outcome.Reasons);
    }

    [Fact]
    public void Ingress_mode_sets_the_proxy_ingress_flag()
    {
        var pod = Pod(annotations: new Dictionary<string, string> { ["linkerd.io/inject"] = "ingress" });

        var outcome = LinkerdInjector.Inject(pod, Namespace(), Config);

        Assert.True(outcome.Injected);
        Assert.Equal("true", Env(Container(outcome.Pod, "linkerd-proxy", "initContainers"), "LINKERD2_PROXY_INGRESS_MODE"));
    }

    [Fact]
    public void Named_opaque_ports_resolve_to_container_ports_and_unknown_names_are_dropped_with_a_warning()
    {
        var ports = new JsonArray
        {
            new JsonObject { ["containerPort"] = 8080, ["name"] = "http" },
            new JsonObject { ["containerPort"] = 5432, ["name"] = "postgres" },
        };
        var pod = Pod(annotations: new Dictionary<string, string> { ["config.linkerd.io/opaque-ports"] = "postgres,3000,5000-6000,mysql" }, ports: ports);

        var outcome = InjectInMeshedNamespace(pod);

        var proxy = Container(outcome.Pod, "linkerd-proxy", "initContainers");
        Assert.Equal("5432,3000,5000-6000", Env(proxy, "LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION"));
        Assert.Equal("5432,8080", Env(proxy, "LINKERD2_PROXY_INBOUND_PORTS"));
        var warning = Assert.Single(outcome.Warnings);
        Assert.Contains("metadata.annotations[\"config.linkerd.io/opaque-ports\"]", warning, StringComparison.Ordinal);
        Assert.Contains("\"mysql\"", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_ports_reach_the_iptables_init_container()
    {
        var pod = Pod(annotations: new Dictionary<string, string>
        {
            ["config.linkerd.io/skip-inbound-ports"] = "22,8100-8102",
            ["config.linkerd.io/skip-outbound-ports"] = "5432",
            ["config.linkerd.io/skip-subnets"] = "10.10.0.0/16",
        });

        var outcome = InjectInMeshedNamespace(pod);

        var args = Strings(Container(outcome.Pod, "linkerd-init", "initContainers")["args"]);
        Assert.Equal("4190,4191,22,8100-8102", args[args.ToList().IndexOf("--inbound-ports-to-ignore") + 1]);
        Assert.Equal("5432", args[args.ToList().IndexOf("--outbound-ports-to-ignore") + 1]);
        Assert.Equal("10.10.0.0/16", args[args.ToList().IndexOf("--subnets-to-ignore") + 1]);
    }

    [Fact]
    public void Namespace_config_annotations_apply_and_are_copied_to_the_pod_unless_the_pod_sets_its_own()
    {
        var pod = Pod(annotations: new Dictionary<string, string> { ["config.linkerd.io/proxy-log-level"] = "debug" });
        var namespaceAnnotations = new Dictionary<string, string>
        {
            ["config.linkerd.io/proxy-log-level"] = "info",
            ["config.linkerd.io/skip-outbound-ports"] = "3306",
        };

        var outcome = InjectInMeshedNamespace(pod, namespaceAnnotations: namespaceAnnotations);

        Assert.Equal("debug,[{headers}]=off,[{request}]=off", Env(Container(outcome.Pod, "linkerd-proxy", "initContainers"), "LINKERD2_PROXY_LOG"));
        Assert.Equal("debug", Annotation(outcome.Pod, "config.linkerd.io/proxy-log-level"));
        Assert.Equal("3306", Annotation(outcome.Pod, "config.linkerd.io/skip-outbound-ports"));
        Assert.Equal("enabled", Annotation(outcome.Pod, "linkerd.io/inject"));
    }

    [Fact]
    public void Classic_sidecar_mode_puts_the_proxy_first_and_holds_the_app_with_linkerd_await()
    {
        var outcome = InjectInMeshedNamespace(Pod(), Config with { NativeSidecar = false });

        Assert.Equal(["linkerd-proxy", "orders"], Names(outcome.Pod, "containers"));
        Assert.Equal(["linkerd-init"], Names(outcome.Pod, "initContainers"));
        var proxy = Container(outcome.Pod, "linkerd-proxy");
        Assert.Null(proxy["restartPolicy"]);
        Assert.Null(proxy["startupProbe"]);
        Assert.Equal(["/usr/lib/linkerd/linkerd-await", "--timeout=2m", "--port=4191"], Strings(proxy["lifecycle"]!["postStart"]!["exec"]!["command"]));
    }

    [Fact]
    public void The_native_sidecar_annotation_switches_the_mode_per_pod()
    {
        var pod = Pod(annotations: new Dictionary<string, string> { ["config.beta.linkerd.io/proxy-enable-native-sidecar"] = "false" });

        var outcome = InjectInMeshedNamespace(pod);

        Assert.Equal(["linkerd-proxy", "orders"], Names(outcome.Pod, "containers"));
    }

    [Fact]
    public void Without_await_the_proxy_is_appended_and_wait_before_exit_adds_a_pre_stop_sleep()
    {
        var pod = Pod(annotations: new Dictionary<string, string>
        {
            ["config.linkerd.io/proxy-await"] = "disabled",
            ["config.alpha.linkerd.io/proxy-wait-before-exit-seconds"] = "15",
        });

        var outcome = InjectInMeshedNamespace(pod, Config with { NativeSidecar = false });

        Assert.Equal(["orders", "linkerd-proxy"], Names(outcome.Pod, "containers"));
        var lifecycle = Container(outcome.Pod, "linkerd-proxy")["lifecycle"]!;
        Assert.Null(lifecycle["postStart"]);
        Assert.Equal(["/bin/sleep", "15"], Strings(lifecycle["preStop"]!["exec"]!["command"]));
    }

    [Fact]
    public void The_cni_plugin_replaces_linkerd_init_with_the_network_validator()
    {
        var outcome = InjectInMeshedNamespace(Pod(), Config with { CniEnabled = true });

        Assert.Equal(["linkerd-network-validator", "linkerd-proxy"], Names(outcome.Pod, "initContainers"));
        Assert.DoesNotContain("linkerd-proxy-init-xtables-lock", Names(outcome.Pod, "volumes"));
    }

    [Theory]
    [InlineData("config.linkerd.io/proxy-cpu-request", "0.5", "requests", "cpu", "500m")]
    [InlineData("config.linkerd.io/proxy-cpu-limit", "1000m", "limits", "cpu", "1")]
    [InlineData("config.linkerd.io/proxy-memory-request", "0.5Gi", "requests", "memory", "512Mi")]
    [InlineData("config.linkerd.io/proxy-memory-limit", "1024Mi", "limits", "memory", "1Gi")]
    [InlineData("config.linkerd.io/proxy-ephemeral-storage-limit", "2G", "limits", "ephemeral-storage", "2G")]
    public void Resource_annotations_are_written_in_canonical_quantity_form(string annotation, string value, string kind, string resource, string expected)
    {
        var outcome = InjectInMeshedNamespace(Pod(annotations: new Dictionary<string, string> { [annotation] = value }));

        Assert.Equal(expected, Container(outcome.Pod, "linkerd-proxy", "initContainers")["resources"]![kind]![resource]!.ToString());
        Assert.Equal(expected, Container(outcome.Pod, "linkerd-init", "initContainers")["resources"]![kind]![resource]!.ToString());
    }

    [Fact]
    public void A_fractional_cpu_limit_rounds_the_proxy_cores_up()
    {
        var outcome = InjectInMeshedNamespace(Pod(annotations: new Dictionary<string, string> { ["config.linkerd.io/proxy-cpu-limit"] = "1500m" }));

        var proxy = Container(outcome.Pod, "linkerd-proxy", "initContainers");
        Assert.Equal("2", Env(proxy, "LINKERD2_PROXY_CORES"));
        Assert.Equal("1", Env(proxy, "LINKERD2_PROXY_CORES_MIN"));
        Assert.Equal("2", Env(proxy, "LINKERD2_PROXY_CORES_MAX"));
    }

    [Fact]
    public void Port_uid_and_image_annotations_override_the_config()
    {
        var pod = Pod(annotations: new Dictionary<string, string>
        {
            ["config.linkerd.io/admin-port"] = "9998",
            ["config.linkerd.io/inbound-port"] = "5143",
            ["config.linkerd.io/proxy-uid"] = "3000",
            ["config.linkerd.io/proxy-image"] = "registry.bank.internal/linkerd/proxy",
            ["config.linkerd.io/proxy-version"] = "stable-2.14.10",
            ["config.linkerd.io/image-pull-policy"] = "Always",
        });

        var outcome = InjectInMeshedNamespace(pod);

        var proxy = Container(outcome.Pod, "linkerd-proxy", "initContainers");
        Assert.Equal("registry.bank.internal/linkerd/proxy:stable-2.14.10", proxy["image"]!.ToString());
        Assert.Equal("Always", proxy["imagePullPolicy"]!.ToString());
        Assert.Equal(3000, proxy["securityContext"]!["runAsUser"]!.GetValue<long>());
        Assert.Equal(9998, proxy["readinessProbe"]!["httpGet"]!["port"]!.GetValue<int>());
        Assert.Equal("0.0.0.0:5143", Env(proxy, "LINKERD2_PROXY_INBOUND_LISTEN_ADDR"));
        Assert.Equal("stable-2.14.10", Annotation(outcome.Pod, "linkerd.io/proxy-version"));
        var initArgs = Strings(Container(outcome.Pod, "linkerd-init", "initContainers")["args"]);
        Assert.Equal("registry.bank.internal/linkerd/proxy:stable-2.14.10", Container(outcome.Pod, "linkerd-init", "initContainers")["image"]!.ToString());
        Assert.Equal("3000", initArgs[initArgs.ToList().IndexOf("--proxy-uid") + 1]);
        Assert.Equal("5143", initArgs[initArgs.ToList().IndexOf("--incoming-proxy-port") + 1]);
    }

    [Fact]
    public void An_unusable_annotation_value_is_ignored_with_a_warning_naming_the_field()
    {
        var outcome = InjectInMeshedNamespace(Pod(annotations: new Dictionary<string, string> { ["config.linkerd.io/admin-port"] = "admin" }));

        Assert.True(outcome.Injected);
        Assert.Equal("0.0.0.0:4191", Env(Container(outcome.Pod, "linkerd-proxy", "initContainers"), "LINKERD2_PROXY_ADMIN_LISTEN_ADDR"));
        Assert.Equal(["metadata.annotations[\"config.linkerd.io/admin-port\"]: \"admin\" is not a port number (0-65535); using 4191"], outcome.Warnings);
    }

    [Fact]
    public void Timeout_annotations_are_normalised_like_the_injector_does()
    {
        var pod = Pod(annotations: new Dictionary<string, string>
        {
            ["config.linkerd.io/proxy-outbound-connect-timeout"] = "1.5s",
            ["config.linkerd.io/proxy-inbound-discovery-cache-unused-timeout"] = "2m",
            ["config.linkerd.io/shutdown-grace-period"] = "30s",
        });

        var proxy = Container(InjectInMeshedNamespace(pod).Pod, "linkerd-proxy", "initContainers");

        Assert.Equal("1500ms", Env(proxy, "LINKERD2_PROXY_OUTBOUND_CONNECT_TIMEOUT"));
        Assert.Equal("120s", Env(proxy, "LINKERD2_PROXY_INBOUND_DISCOVERY_IDLE_TIMEOUT"));
        Assert.Equal("30000ms", Env(proxy, "LINKERD2_PROXY_SHUTDOWN_GRACE_PERIOD"));
    }

    [Fact]
    public void UDP_ports_are_meshed_with_a_warning()
    {
        var ports = new JsonArray { new JsonObject { ["containerPort"] = 53, ["name"] = "dns", ["protocol"] = "UDP" } };

        var outcome = InjectInMeshedNamespace(Pod(ports: ports));

        Assert.True(outcome.Injected);
        Assert.Equal(["spec.containers[orders].ports[dns].protocol: UDP port(s) configured on pod spec; the proxy does not carry UDP traffic"], outcome.Warnings);
    }

    [Fact]
    public void The_service_account_token_mount_is_shared_with_the_proxy()
    {
        var pod = Pod();
        pod["spec"]!["containers"]![0]!["volumeMounts"] = new JsonArray
        {
            new JsonObject { ["mountPath"] = "/var/run/secrets/kubernetes.io/serviceaccount", ["name"] = "kube-api-access-abcde", ["readOnly"] = true },
        };

        var outcome = InjectInMeshedNamespace(pod);

        var mounts = Container(outcome.Pod, "linkerd-proxy", "initContainers")["volumeMounts"]!.AsArray();
        Assert.Contains(mounts, m => m!["name"]!.ToString() == "kube-api-access-abcde");
    }

    [Fact]
    public void Automount_disabled_only_blocks_injection_without_projected_identity_tokens()
    {
        var pod = Pod();
        pod["spec"]!["automountServiceAccountToken"] = false;

        Assert.True(InjectInMeshedNamespace(pod).Injected);
        var legacy = InjectInMeshedNamespace(pod, Config with { ServiceAccountTokenProjection = false });
        Assert.False(legacy.Injected);
        Assert.Equal("automountServiceAccountToken set to \"false\"", legacy.Reason);
    }

    [Theory]
    [InlineData("kube-system", null, "namespace kube-system is excluded by the proxy injector's namespace selector")]
    [InlineData("orders", "linkerd.io/control-plane-component", "pod has the label \"linkerd.io/control-plane-component\", which the proxy injector's object selector excludes")]
    public void Pods_outside_the_webhook_selectors_are_skipped(string ns, string? label, string reason)
    {
        var labels = new Dictionary<string, string> { ["app"] = "x" };
        if (label is not null)
        {
            labels[label] = "destination";
        }

        var outcome = LinkerdInjector.Inject(Pod(ns, annotations: Enabled, labels: labels), Namespace(ns, Enabled), Config);

        Assert.False(outcome.Injected);
        Assert.Equal(reason, outcome.Reason);
    }

    [Fact]
    public void Odd_pods_are_skipped_instead_of_throwing()
    {
        var noSpec = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "x" } };
        var emptyContainers = Pod();
        emptyContainers["spec"]!["containers"] = new JsonArray();
        var containersNotAList = Pod();
        containersNotAList["spec"]!["containers"] = "oops";

        foreach (var pod in new[] { noSpec, emptyContainers, containersNotAList, new JsonObject() })
        {
            var outcome = InjectInMeshedNamespace(pod);
            Assert.False(outcome.Injected);
            Assert.Equal("pod has no containers", outcome.Reason);
        }
    }

    [Fact]
    public void A_pod_owned_by_a_statefulset_gets_the_statefulset_label()
    {
        var pod = Pod();
        pod["metadata"]!["ownerReferences"] = new JsonArray
        {
            new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "StatefulSet", ["name"] = "ledger", ["controller"] = true },
        };

        var outcome = InjectInMeshedNamespace(pod);

        Assert.Equal("ledger", Label(outcome.Pod, "linkerd.io/proxy-statefulset"));
        Assert.Null(Label(outcome.Pod, "linkerd.io/proxy-deployment"));
    }
}
