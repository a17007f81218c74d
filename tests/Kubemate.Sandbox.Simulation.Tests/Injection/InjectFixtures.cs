using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Simulation.Injection.Linkerd;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Simulation.Tests.Injection;

/// <summary>A workload's pod template, as found in a <c>linkerd inject</c> input or golden file.</summary>
internal sealed record PodTemplate(string Kind, string ApiVersion, string Name, string Namespace, JsonObject Template)
{
    /// <summary>The Pod the workload's controller would create from this template: owned by the workload, in its namespace.</summary>
    public JsonObject ToPod()
    {
        if (Kind == "Pod")
        {
            return (JsonObject)Template.DeepClone();
        }
        var metadata = (JsonObject?)Template["metadata"]?.DeepClone() ?? [];
        metadata["name"] = $"{Name}-7d9c8f6b5d-x2v4q";
        metadata["namespace"] = Namespace;
        metadata["ownerReferences"] = new JsonArray
        {
            new JsonObject { ["apiVersion"] = ApiVersion, ["kind"] = Kind, ["name"] = Name, ["controller"] = true },
        };
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = Template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}

/// <summary>Reads the linkerd2 <c>cli/cmd/testdata</c> copies in the shared fixtures (see fixtures/SOURCES.md).</summary>
internal static class InjectFixtures
{
    public const string CliCreatedBy = "linkerd/cli dev-undefined";
    public const string TestProxyVersion = "test-inject-proxy-version";

    public static string PathOf(string file) => Path.Combine(RepoPaths.Fixtures, "linkerd-inject", file);

    public static string Text(string file) => File.ReadAllText(PathOf(file));

    public static IReadOnlyList<JsonObject> Documents(string file) => YamlJson.ExpandLists(FixtureYaml.ParseDocuments(Text(file))).ToList();

    public static IReadOnlyList<PodTemplate> Templates(string file) => Documents(file).Select(TemplateOf).OfType<PodTemplate>().ToList();

    /// <summary>The namespace <c>linkerd inject</c> annotates: emojivoto with <c>linkerd.io/inject: enabled</c>.</summary>
    public static JsonObject AnnotatedEmojivotoNamespace() => Documents("inject_emojivoto_namespace_good.golden.yml").Single();

    public static JsonObject AnnotatedNamespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["annotations"] = new JsonObject { [LinkerdNames.InjectAnnotation] = LinkerdNames.InjectEnabled },
        },
    };

    /// <summary>The trust anchors the goldens were rendered with, taken from the golden proxy's environment.</summary>
    public static string GoldenTrustAnchors()
    {
        var proxy = Templates("inject_emojivoto_deployment.golden.yml").Single().Template["spec"]!["initContainers"]!.AsArray()
            .Single(c => c!["name"]!.ToString() == LinkerdNames.ProxyContainer)!;
        return proxy["env"]!.AsArray().Single(e => e!["name"]!.ToString() == "LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS")!["value"]!.ToString();
    }

    /// <summary>The injector configuration TestUninjectAndInject's default values correspond to.</summary>
    public static LinkerdInjectorConfig GoldenConfig() => new()
    {
        CreatedBy = CliCreatedBy,
        ProxyVersion = TestProxyVersion,
        TrustAnchorsPem = GoldenTrustAnchors(),
    };

    /// <summary>The reason after "failed to inject deployment/web: " in a golden stderr file.</summary>
    public static string StderrReason(string file)
    {
        const string marker = ": ";
        var line = Text(file).Split('\n').Single(l => l.StartsWith("failed to inject", StringComparison.Ordinal));
        return line[(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..].Trim();
    }

    private static PodTemplate? TemplateOf(JsonObject document)
    {
        var kind = document["kind"]?.ToString() ?? "";
        var apiVersion = document["apiVersion"]?.ToString() ?? "";
        var name = document["metadata"]?["name"]?.ToString() ?? "";
        var ns = document["metadata"]?["namespace"]?.ToString() ?? "default";
        var template = kind switch
        {
            "Pod" => document,
            "CronJob" => document["spec"]?["jobTemplate"]?["spec"]?["template"] as JsonObject,
            "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" or "Job" or "ReplicationController" => document["spec"]?["template"] as JsonObject,
            _ => null,
        };
        return template is null ? null : new PodTemplate(kind, apiVersion, name, ns, template);
    }
}
