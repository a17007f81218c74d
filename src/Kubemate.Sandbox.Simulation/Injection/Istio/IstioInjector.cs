using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection.Istio;

/// <summary>
/// istiod's sidecar injector as a pure function: given a Pod at creation and its Namespace, decide whether to add
/// <c>istio-proxy</c> and <c>istio-init</c>, and do so with the labels and annotations istiod writes.
/// Never throws on odd input; problems become skip reasons or warnings.
/// </summary>
public static class IstioInjector
{
    private static readonly string[] InterceptionModes = ["REDIRECT", "TPROXY", "NONE"];

    public static InjectionOutcome Inject(JsonObject pod, JsonObject? namespaceObject, IstioInjectorConfig config)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(config);
        var result = (JsonObject)pod.DeepClone();
        var namespaceName = PodJson.String(PodJson.Object(result, "metadata"), "namespace") is { Length: > 0 } ns ? ns
            : PodJson.String(PodJson.Object(namespaceObject, "metadata"), "name") is { Length: > 0 } nsName ? nsName
            : "default";
        var (inject, reasons, enabledBy) = IstioInjectionDecision.Evaluate(result, namespaceObject, namespaceName, config);
        if (!inject)
        {
            return InjectionOutcome.Skipped(result, reasons);
        }

        var warnings = new List<string>();
        var settings = Resolve(config, PodJson.StringMap(result, "annotations"), warnings);
        var spec = (JsonObject)result["spec"]!;
        var owner = PodOwner.Of(result);
        var workloadName = owner?.Name ?? PodJson.String(PodJson.Object(result, "metadata"), "name") ?? "";
        var firstContainerName = PodJson.String(PodJson.Containers(spec).First(), "name") ?? "";

        var initContainers = new List<string>();
        if (settings.InterceptionMode != "NONE")
        {
            PodJson.EnsureArray(spec, "initContainers").Insert(0, IstioSidecar.Init(settings));
            initContainers.Add(IstioNames.InitContainer);
        }
        var containers = (JsonArray)spec["containers"]!;
        var proxy = IstioSidecar.Proxy(settings, spec, owner, workloadName, namespaceName);
        if (config.HoldApplicationUntilProxyStarts)
        {
            containers.Insert(0, proxy);
        }
        else
        {
            containers.Add(proxy);
        }
        var volumes = PodJson.EnsureArray(spec, "volumes");
        foreach (var volume in IstioSidecar.Volumes())
        {
            volumes.Add(volume);
        }
        MergeMetrics(result, proxy);
        AddMetadata(result, config, firstContainerName, workloadName, initContainers);
        return InjectionOutcome.InjectedPod(result, enabledBy, warnings);
    }

    private static void AddMetadata(JsonObject pod, IstioInjectorConfig config, string firstContainer, string workloadName, List<string> initContainers)
    {
        var metadata = PodJson.EnsureObject(pod, "metadata");
        var labels = PodJson.EnsureObject(metadata, "labels");
        var existingLabels = PodJson.StringMap(pod, "labels");
        labels[IstioNames.TlsModeLabel] = "istio";
        labels[IstioNames.CanonicalNameLabel] = existingLabels.GetValueOrDefault(IstioNames.CanonicalNameLabel)
            ?? existingLabels.GetValueOrDefault("app.kubernetes.io/name")
            ?? existingLabels.GetValueOrDefault("app")
            ?? workloadName;
        labels[IstioNames.CanonicalRevisionLabel] = existingLabels.GetValueOrDefault(IstioNames.CanonicalRevisionLabel)
            ?? existingLabels.GetValueOrDefault("app.kubernetes.io/version")
            ?? existingLabels.GetValueOrDefault("version")
            ?? "latest";

        var annotations = PodJson.EnsureObject(metadata, "annotations");
        var status = new JsonObject
        {
            ["initContainers"] = PodJson.Strings(initContainers),
            ["containers"] = PodJson.Strings([IstioNames.ProxyContainer]),
            ["volumes"] = PodJson.Strings(IstioSidecar.VolumeNames),
            ["imagePullSecrets"] = null,
            ["revision"] = config.Revision,
        };
        annotations["istio.io/rev"] = config.Revision;
        annotations["kubectl.kubernetes.io/default-container"] = firstContainer;
        annotations["kubectl.kubernetes.io/default-logs-container"] = firstContainer;
        annotations[IstioNames.StatusAnnotation] = status.ToJsonString();
    }

    /// <summary>
    /// Istio's metrics merging (on by default): the pod's <c>prometheus.io</c> annotations are overwritten to point at
    /// the agent's merged endpoint (15020, <c>/stats/prometheus</c>), and the application's own scrape settings, when
    /// it had any, move to the proxy's <c>ISTIO_PROMETHEUS_ANNOTATIONS</c> so the agent can merge its metrics in.
    /// </summary>
    private static void MergeMetrics(JsonObject pod, JsonObject proxy)
    {
        var annotations = PodJson.EnsureObject(PodJson.EnsureObject(pod, "metadata"), "annotations");
        var original = new JsonObject();
        foreach (var (key, name) in new[] { ("prometheus.io/scrape", "scrape"), ("prometheus.io/path", "path"), ("prometheus.io/port", "port") })
        {
            if (annotations[key]?.GetValue<string>() is { } value)
            {
                original[name] = value;
            }
        }
        if (original.Count > 0)
        {
            PodJson.EnsureArray(proxy, "env").Add(new JsonObject { ["name"] = "ISTIO_PROMETHEUS_ANNOTATIONS", ["value"] = original.ToJsonString() });
        }
        annotations["prometheus.io/path"] = "/stats/prometheus";
        annotations["prometheus.io/port"] = "15020";
        annotations["prometheus.io/scrape"] = "true";
    }

    private static IstioSidecarSettings Resolve(IstioInjectorConfig config, IReadOnlyDictionary<string, string> annotations, List<string> warnings)
    {
        string Get(string key, string fallback) => annotations.GetValueOrDefault(key) ?? fallback;

        string Quantity(string key, string fallback)
        {
            var canonicalFallback = ResourceQuantity.Canonicalize(fallback) ?? fallback;
            if (!annotations.TryGetValue(key, out var value))
            {
                return canonicalFallback;
            }
            if (ResourceQuantity.Canonicalize(value) is { } canonical)
            {
                return canonical;
            }
            warnings.Add($"metadata.annotations[\"{key}\"]: \"{value}\" is not a resource quantity such as 100m or 128Mi; using {canonicalFallback}");
            return canonicalFallback;
        }

        var mode = Get(IstioNames.InterceptionModeAnnotation, config.InterceptionMode);
        if (!InterceptionModes.Contains(mode, StringComparer.Ordinal))
        {
            warnings.Add($"metadata.annotations[\"{IstioNames.InterceptionModeAnnotation}\"]: \"{mode}\" is not one of {string.Join(", ", InterceptionModes)}; using {config.InterceptionMode}");
            mode = config.InterceptionMode;
        }
        var proxyImage = Get(IstioNames.ProxyImageAnnotation, config.ProxyImage);
        return new IstioSidecarSettings(
            config,
            proxyImage.Contains('/') ? proxyImage : $"{config.Hub}/{proxyImage}:{config.Tag}",
            Get(IstioNames.LogLevelAnnotation, config.ProxyLogLevel),
            Get(IstioNames.ComponentLogLevelAnnotation, config.ProxyComponentLogLevel),
            mode,
            Get(IstioNames.IncludeOutboundIPRangesAnnotation, config.IncludeOutboundIPRanges),
            Get(IstioNames.ExcludeOutboundIPRangesAnnotation, config.ExcludeOutboundIPRanges),
            Get(IstioNames.IncludeInboundPortsAnnotation, config.IncludeInboundPorts),
            Get(IstioNames.ExcludeInboundPortsAnnotation, config.ExcludeInboundPorts),
            Get(IstioNames.ExcludeOutboundPortsAnnotation, config.ExcludeOutboundPorts),
            Quantity(IstioNames.ProxyCpuAnnotation, config.CpuRequest),
            Quantity(IstioNames.ProxyMemoryAnnotation, config.MemoryRequest),
            Quantity(IstioNames.ProxyCpuLimitAnnotation, config.CpuLimit),
            Quantity(IstioNames.ProxyMemoryLimitAnnotation, config.MemoryLimit));
    }
}
