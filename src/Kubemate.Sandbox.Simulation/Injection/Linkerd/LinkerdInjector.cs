using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>
/// Linkerd's proxy-injector (its mutating admission webhook) as a pure function: given a Pod at creation and its
/// Namespace, decide whether to mesh it and, if so, add the proxy, its init container, volumes, labels and annotations
/// exactly as the injector does. Never throws on odd input; problems become skip reasons or warnings.
/// </summary>
public static class LinkerdInjector
{
    public static InjectionOutcome Inject(JsonObject pod, JsonObject? namespaceObject, LinkerdInjectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(config);
        var result = (JsonObject)pod.DeepClone();
        var namespaceName = NamespaceOf(result, namespaceObject);
        var decision = LinkerdInjectionDecision.Evaluate(result, namespaceObject, namespaceName, config);
        if (!decision.Inject)
        {
            return InjectionOutcome.Skipped(result, decision.Reasons);
        }

        var spec = (JsonObject)result["spec"]!;
        var annotations = new ConfigAnnotationLookup(PodJson.StringMap(result, "annotations"), PodJson.StringMap(namespaceObject, "annotations"));
        var settings = LinkerdProxySettings.Resolve(config, annotations, decision.InjectMode, NamedPorts(spec), InboundPorts(spec));
        var firstContainer = PodJson.Containers(spec).First();
        var capabilities = PodJson.Object(PodJson.Object(firstContainer, "securityContext"), "capabilities");
        var serviceAccountMount = ServiceAccountMount(spec);

        AddContainers(spec, settings, capabilities, serviceAccountMount);
        var volumes = PodJson.EnsureArray(spec, "volumes");
        foreach (var volume in LinkerdVolumes.Build(settings))
        {
            volumes.Add(volume);
        }
        AddMetadata(result, namespaceName, settings, annotations);

        var reason = $"{LinkerdNames.InjectAnnotation}: {decision.InjectMode} on the {decision.EnabledAt}";
        return InjectionOutcome.InjectedPod(result, reason, [.. annotations.Warnings, .. UdpPortWarnings(spec)]);
    }

    private static void AddContainers(JsonObject spec, LinkerdProxySettings settings, JsonObject? capabilities, JsonObject? serviceAccountMount)
    {
        var proxy = LinkerdContainers.Proxy(settings, capabilities, serviceAccountMount);
        var init = settings.Config.CniEnabled
            ? LinkerdContainers.NetworkValidator(settings)
            : LinkerdContainers.ProxyInit(settings, capabilities, serviceAccountMount);
        var initContainers = PodJson.EnsureArray(spec, "initContainers");
        initContainers.Insert(0, init);
        if (settings.NativeSidecar)
        {
            initContainers.Insert(1, proxy);
            return;
        }
        var containers = (JsonArray)spec["containers"]!;
        // linkerd-await holds the next container until the proxy is ready, so the proxy must start first.
        if (settings.Await)
        {
            containers.Insert(0, proxy);
        }
        else
        {
            containers.Add(proxy);
        }
    }

    private static void AddMetadata(JsonObject pod, string namespaceName, LinkerdProxySettings settings, ConfigAnnotationLookup annotations)
    {
        var metadata = PodJson.EnsureObject(pod, "metadata");
        var podAnnotations = PodJson.EnsureObject(metadata, "annotations");
        foreach (var (key, value) in annotations.InheritedFromNamespace())
        {
            podAnnotations[key] = value;
        }
        podAnnotations[LinkerdNames.CreatedByAnnotation] = settings.Config.EffectiveCreatedBy;
        podAnnotations[LinkerdNames.ProxyVersionAnnotation] = settings.ProxyVersion;
        podAnnotations[LinkerdNames.TrustRootSha256Annotation] = TrustAnchors.Sha256(settings.Config.EffectiveTrustAnchorsPem);

        var labels = PodJson.EnsureObject(metadata, "labels");
        labels[LinkerdNames.ControlPlaneNsLabel] = settings.Config.LinkerdNamespace;
        if (PodOwner.Of(pod) is { } owner && LinkerdNames.OwnerLabel(owner.Kind) is { } ownerLabel)
        {
            labels[ownerLabel] = owner.Name;
        }
        labels[LinkerdNames.WorkloadNsLabel] = namespaceName;
    }

    private static string NamespaceOf(JsonObject pod, JsonObject? namespaceObject) =>
        PodJson.String(PodJson.Object(pod, "metadata"), "namespace") is { Length: > 0 } ns ? ns
        : PodJson.String(PodJson.Object(namespaceObject, "metadata"), "name") is { Length: > 0 } nsName ? nsName
        : "default";

    /// <summary>Every application container port, numerically sorted and without duplicates.</summary>
    private static string InboundPorts(JsonObject spec) => string.Join(",",
        PodJson.Containers(spec)
            .SelectMany(c => PodJson.Array(c, "ports")?.OfType<JsonObject>() ?? [])
            .Select(p => PodJson.Int(p, "containerPort"))
            .OfType<int>()
            .Distinct()
            .Order()
            .Select(p => p.ToString(CultureInfo.InvariantCulture)));

    private static Dictionary<string, int> NamedPorts(JsonObject spec)
    {
        var named = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var port in PodJson.Containers(spec).SelectMany(c => PodJson.Array(c, "ports")?.OfType<JsonObject>() ?? []))
        {
            if (PodJson.String(port, "name") is { Length: > 0 } name && PodJson.Int(port, "containerPort") is { } number)
            {
                named.TryAdd(name, number);
            }
        }
        return named;
    }

    /// <summary>Linkerd meshes the pod but does not proxy UDP; <c>linkerd inject</c> warns the same way.</summary>
    private static IEnumerable<string> UdpPortWarnings(JsonObject spec) =>
        PodJson.Containers(spec)
            .SelectMany(c => (PodJson.Array(c, "ports")?.OfType<JsonObject>() ?? []).Select(p => (Container: PodJson.String(c, "name"), Port: p)))
            .Where(x => PodJson.String(x.Port, "protocol") == "UDP")
            .Select(x => $"spec.containers[{x.Container}].ports[{PodJson.String(x.Port, "name") ?? PodJson.Int(x.Port, "containerPort")?.ToString(CultureInfo.InvariantCulture)}].protocol: UDP port(s) configured on pod spec; the proxy does not carry UDP traffic");

    private static JsonObject? ServiceAccountMount(JsonObject spec) =>
        PodJson.Containers(spec)
            .SelectMany(c => PodJson.Array(c, "volumeMounts")?.OfType<JsonObject>() ?? [])
            .FirstOrDefault(m => PodJson.String(m, "mountPath") == LinkerdNames.ServiceAccountMountPath);
}
