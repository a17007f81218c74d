using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Injection.Linkerd;

namespace Kubemate.Sandbox.Simulation.Tests.Injection;

/// <summary>
/// Injects every pod template of linkerd2's <c>linkerd inject</c> test inputs (TestUninjectAndInject) and compares
/// the whole result (spec, labels, annotations) with the golden output. The only differences allowed are the
/// listed CLI-versus-webhook ones, documented in docs/sandbox-injection.md.
/// </summary>
public sealed class LinkerdInjectorGoldenTests
{
    /// <summary>The webhook copies the namespace's inject annotation onto the pod; the CLI does not write it.</summary>
    private const string InheritedInjectAnnotation = "metadata.annotations[\"linkerd.io/inject\"]: unexpected \"enabled\"";

    public static TheoryData<string, string, string> GoldenCases => new()
    {
        { "inject_emojivoto_deployment.input.yml", "inject_emojivoto_deployment.golden.yml", "default" },
        { "inject_emojivoto_deployment.input.yml", "inject_emojivoto_deployment_native_sidecar.golden.yml", "native sidecar" },
        { "inject_emojivoto_deployment.input.yml", "inject_emojivoto_deployment_no_init_container.golden.yml", "CNI enabled" },
        { "inject_emojivoto_deployment.input.yml", "inject_emojivoto_deployment_opaque_ports.golden.yml", "opaque ports 3000,5000-6000,mysql" },
        { "inject_emojivoto_deployment.input.yml", "inject_emojivoto_deployment_proxyignores.golden.yml", "ignore inbound 22,8100-8102, outbound 5432" },
        { "inject_emojivoto_deployment_capabilities.input.yml", "inject_emojivoto_deployment_capabilities.golden.yml", "default" },
        { "inject_emojivoto_deployment_config_overrides.input.yml", "inject_emojivoto_deployment_config_overrides.golden.yml", "proxy version override" },
        { "inject_emojivoto_deployment_hostNetwork_false.input.yml", "inject_emojivoto_deployment_hostNetwork_false.golden.yml", "empty fields in input" },
        { "inject_emojivoto_deployment_udp.input.yml", "inject_emojivoto_deployment_udp.golden.yml", "default" },
        { "inject_emojivoto_statefulset.input.yml", "inject_emojivoto_statefulset.golden.yml", "default" },
        { "inject_emojivoto_pod.input.yml", "inject_emojivoto_pod.golden.yml", "default" },
        { "inject_emojivoto_list.input.yml", "inject_emojivoto_list.golden.yml", "default" },
        { "inject_contour.input.yml", "inject_contour.golden.yml", "default" },
    };

    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Injected_pods_match_the_linkerd_inject_goldens(string input, string golden, string flags)
    {
        var config = ConfigFor(flags);
        var inputs = InjectFixtures.Templates(input);
        var goldens = InjectFixtures.Templates(golden);
        Assert.Equal(goldens.Count, inputs.Count);

        var differences = new List<string>();
        foreach (var (source, expected) in inputs.Zip(goldens))
        {
            var outcome = LinkerdInjector.Inject(source.ToPod(), NamespaceFor(source), config);
            Assert.True(outcome.Injected, $"{source.Name}: {outcome.Reason}");
            differences.AddRange(JsonDifferences.Between(Comparable(expected.Template), Comparable(outcome.Pod)));
        }

        var known = KnownDifferences(flags, inputs.Count).Order().ToList();
        var found = differences.Order().ToList();
        Assert.True(known.SequenceEqual(found), $"differences:\n{string.Join("\n", found)}\nexpected only:\n{string.Join("\n", known)}");
    }

    [Fact]
    public void Host_network_pods_are_skipped_with_the_reason_linkerd_inject_prints()
    {
        var source = InjectFixtures.Templates("inject_emojivoto_deployment_hostNetwork_true.input.yml").Single();
        var pod = source.ToPod();

        var outcome = LinkerdInjector.Inject(pod, InjectFixtures.AnnotatedEmojivotoNamespace(), InjectFixtures.GoldenConfig());

        Assert.False(outcome.Injected);
        Assert.Equal(InjectFixtures.StderrReason("inject_emojivoto_deployment_hostNetwork_true.golden.stderr"), outcome.Reason);
        Assert.True(JsonNode.DeepEquals(pod, outcome.Pod));
    }

    [Fact]
    public void The_udp_input_is_injected_with_a_warning_as_linkerd_inject_reports()
    {
        Assert.Contains("uses \"protocol: UDP\"", InjectFixtures.Text("inject_emojivoto_deployment_udp.report"), StringComparison.Ordinal);
        var source = InjectFixtures.Templates("inject_emojivoto_deployment_udp.input.yml").Single();

        var outcome = LinkerdInjector.Inject(source.ToPod(), InjectFixtures.AnnotatedEmojivotoNamespace(), InjectFixtures.GoldenConfig());

        Assert.True(outcome.Injected);
        var warning = Assert.Single(outcome.Warnings);
        Assert.StartsWith("spec.containers[web-svc].ports[http].protocol: UDP port(s) configured on pod spec", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Pods_with_an_istio_sidecar_are_skipped_with_the_reason_linkerd_inject_prints()
    {
        var source = InjectFixtures.Templates("inject_emojivoto_istio.input.yml").Single();

        var outcome = LinkerdInjector.Inject(source.ToPod(), InjectFixtures.AnnotatedEmojivotoNamespace(), InjectFixtures.GoldenConfig());

        Assert.False(outcome.Injected);
        Assert.Equal(InjectFixtures.StderrReason("inject_emojivoto_istio.golden.stderr"), outcome.Reason);
    }

    [Fact]
    public void Already_injected_pods_are_left_unchanged()
    {
        var sources = InjectFixtures.Templates("inject_emojivoto_already_injected.input.yml");
        Assert.Equal(4, sources.Count);

        foreach (var source in sources)
        {
            var pod = source.ToPod();
            var outcome = LinkerdInjector.Inject(pod, InjectFixtures.AnnotatedEmojivotoNamespace(), InjectFixtures.GoldenConfig());

            Assert.False(outcome.Injected, source.Name);
            Assert.Equal([LinkerdInjectionReasons.SidecarExists], outcome.Reasons);
            Assert.True(JsonNode.DeepEquals(pod, outcome.Pod), source.Name);
            Assert.NotSame(pod, outcome.Pod);
        }
    }

    [Fact]
    public void Cron_job_pods_annotated_by_linkerd_inject_are_injected_when_the_job_creates_them()
    {
        var annotated = InjectFixtures.Templates("inject_emojivoto_cronjob.golden.yml").Single();
        Assert.Equal("enabled", annotated.Template["metadata"]!["annotations"]!["linkerd.io/inject"]!.ToString());
        var pod = annotated.ToPod();
        pod["metadata"]!["ownerReferences"] = new JsonArray
        {
            new JsonObject { ["apiVersion"] = "batch/v1", ["kind"] = "Job", ["name"] = "hello-29000000", ["controller"] = true },
        };
        var unannotatedNamespace = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "emojivoto" } };

        var outcome = LinkerdInjector.Inject(pod, unannotatedNamespace, InjectFixtures.GoldenConfig());

        Assert.True(outcome.Injected, outcome.Reason);
        Assert.Equal("linkerd.io/inject: enabled on the pod", outcome.Reason);
        var labels = outcome.Pod["metadata"]!["labels"]!;
        Assert.Equal("hello-29000000", labels["linkerd.io/proxy-job"]!.ToString());
        Assert.Equal("bar", labels["foo"]!.ToString());
        var initContainers = outcome.Pod["spec"]!["initContainers"]!.AsArray().Select(c => c!["name"]!.ToString());
        Assert.Equal(["linkerd-init", "linkerd-proxy"], initContainers);
    }

    [Fact]
    public void Cron_job_pods_without_the_annotation_in_a_plain_namespace_are_skipped()
    {
        var source = InjectFixtures.Templates("inject_emojivoto_cronjob.input.yml").Single();
        var plainNamespace = InjectFixtures.Documents("inject_emojivoto_namespace_good.input.yml").Single();

        var outcome = LinkerdInjector.Inject(source.ToPod(), plainNamespace, InjectFixtures.GoldenConfig());

        Assert.False(outcome.Injected);
        Assert.Equal("neither the namespace nor the pod have the annotation \"linkerd.io/inject:enabled\"", outcome.Reason);
    }

    [Fact]
    public void The_namespace_annotated_by_linkerd_inject_switches_injection_on_for_its_pods()
    {
        var source = InjectFixtures.Templates("inject_emojivoto_deployment.input.yml").Single();
        var before = InjectFixtures.Documents("inject_emojivoto_namespace_good.input.yml").Single();
        var after = InjectFixtures.AnnotatedEmojivotoNamespace();

        var skipped = LinkerdInjector.Inject(source.ToPod(), before, InjectFixtures.GoldenConfig());
        var injected = LinkerdInjector.Inject(source.ToPod(), after, InjectFixtures.GoldenConfig());

        Assert.False(skipped.Injected);
        Assert.True(injected.Injected);
        Assert.Equal("linkerd.io/inject: enabled on the namespace", injected.Reason);
    }

    private static LinkerdInjectorConfig ConfigFor(string flags)
    {
        var config = InjectFixtures.GoldenConfig();
        return flags switch
        {
            "native sidecar" => config with { NativeSidecar = true },
            "CNI enabled" => config with { CniEnabled = true },
            "opaque ports 3000,5000-6000,mysql" => config with { OpaquePorts = "3000,5000-6000,mysql" },
            "ignore inbound 22,8100-8102, outbound 5432" => config with { IgnoreInboundPorts = "22,8100-8102", IgnoreOutboundPorts = "5432" },
            "proxy version override" => config with { ProxyVersion = "override" },
            _ => config,
        };
    }

    /// <summary>
    /// The CLI writes the flags that differ from the installed defaults onto the template as config annotations;
    /// the webhook renders install values without recording them. Every injected pod also inherits the namespace's
    /// inject annotation.
    /// </summary>
    private static List<string> KnownDifferences(string flags, int templates)
    {
        var perTemplate = new List<string> { InheritedInjectAnnotation };
        perTemplate.AddRange(flags switch
        {
            "opaque ports 3000,5000-6000,mysql" =>
                ["metadata.annotations[\"config.linkerd.io/opaque-ports\"]: missing (expected \"3000,5000-6000,mysql\")"],
            "ignore inbound 22,8100-8102, outbound 5432" =>
            [
                "metadata.annotations[\"config.linkerd.io/skip-inbound-ports\"]: missing (expected \"22,8100-8102\")",
                "metadata.annotations[\"config.linkerd.io/skip-outbound-ports\"]: missing (expected \"5432\")",
            ],
            // linkerd inject drops empty and false fields when it prints; the API server keeps what it was sent.
            "empty fields in input" => ["spec.containers[web-svc].resources: unexpected {}", "spec.hostNetwork: unexpected false"],
            _ => [],
        });
        return Enumerable.Repeat(perTemplate, templates).SelectMany(d => d).ToList();
    }

    private static JsonObject NamespaceFor(PodTemplate source) =>
        source.Namespace == "emojivoto" ? InjectFixtures.AnnotatedEmojivotoNamespace() : InjectFixtures.AnnotatedNamespace(source.Namespace);

    private static JsonObject Comparable(JsonObject podOrTemplate) => new()
    {
        ["metadata"] = new JsonObject
        {
            ["annotations"] = podOrTemplate["metadata"]?["annotations"]?.DeepClone(),
            ["labels"] = podOrTemplate["metadata"]?["labels"]?.DeepClone(),
        },
        ["spec"] = podOrTemplate["spec"]?.DeepClone(),
    };
}
