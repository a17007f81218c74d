using System.Text.Json.Nodes;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>Reads injection settings through the driver (so any mesh works) and proxies from pods.</summary>
internal sealed class MeshInspector(IMeshDriver driver)
{
    public ProxyConventions Proxy { get; } = ProxyConventions.For(driver);

    public IMeshDriver Driver => driver;

    /// <summary>The injection switch a Namespace or workload template sets itself: true, false, or null when it says nothing.</summary>
    public bool? InjectionOf(JsonObject obj) =>
        driver.Read([obj]).Models.OfType<MeshInjection>().FirstOrDefault(m => m.Enabled is not null)?.Enabled;

    public bool IsMeshed(JsonObject pod) => ProxyContainers(pod).Any();

    public string? ProxyVersion(JsonObject pod)
    {
        if (Proxy.VersionAnnotation is { } annotation && KubeJson.Annotations(pod).TryGetValue(annotation, out var version))
        {
            return version;
        }
        var image = ProxyContainers(pod).Select(c => KubeJson.String(c, "image")).FirstOrDefault();
        var colon = image?.LastIndexOf(':') ?? -1;
        return colon > 0 && !image![colon..].Contains('/') ? image[(colon + 1)..] : null;
    }

    /// <summary>Why a namespace-wide switch cannot change this workload's pods, as a stable code and words; null when it can.</summary>
    public (string Code, string Detail)? Obstacle(JsonObject workload, bool enable)
    {
        var template = KubeJson.Object(workload, "spec.template");
        if (template is null)
        {
            return (SkipReasons.NoPodTemplate, "the workload has no pod template");
        }
        if (KubeJson.Bool(template, "spec.hostNetwork") == true)
        {
            return (SkipReasons.HostNetwork, "its pods use hostNetwork, which the mesh does not inject");
        }
        return (enable, InjectionOf(workload)) switch
        {
            (true, false) => (SkipReasons.InjectDisabled, $"its pod template says {Proxy.OptOut}"),
            (false, true) => (SkipReasons.WorkloadOverride, $"its pod template says {Proxy.OptIn}, which the namespace switch does not override"),
            _ => null,
        };
    }

    /// <summary>The proxy among the pod's containers and init containers (a native sidecar is an init container).</summary>
    private IEnumerable<JsonObject> ProxyContainers(JsonObject pod) =>
        Containers(pod, "spec.containers").Concat(Containers(pod, "spec.initContainers")).Where(c => KubeJson.String(c, "name") == Proxy.ContainerName);

    private static IEnumerable<JsonObject> Containers(JsonObject pod, string path) => (KubeJson.Array(pod, path) ?? []).OfType<JsonObject>();
}
