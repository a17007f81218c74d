using System.Text.Json.Nodes;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;

namespace Kubemate.Application.Onboarding;

/// <summary>Reads injection settings through the driver and proxies from pods by the driver's conventions, so any mesh works.</summary>
internal sealed class MeshInspector(IMeshDriver driver)
{
    private MeshConventions Mesh => driver.Conventions;

    public IMeshDriver Driver => driver;

    /// <summary>The injection switch a Namespace or workload template sets itself: true, false, or null when it says nothing.</summary>
    public bool? InjectionOf(JsonObject obj) =>
        driver.Read([obj]).Models.OfType<MeshInjection>().FirstOrDefault(m => m.Enabled is not null)?.Enabled;

    public bool IsMeshed(JsonObject pod) => ProxyContainers(pod).Any();

    public string? ProxyVersion(JsonObject pod)
    {
        if (Mesh.Proxy.VersionAnnotation is { } annotation && KubeJson.Annotations(pod).TryGetValue(annotation, out var version))
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
            (true, false) => (SkipReasons.InjectDisabled, $"its pod template says {Mesh.WorkloadInjection.OptOut}"),
            (false, true) => (SkipReasons.WorkloadOverride, $"its pod template says {Mesh.WorkloadInjection.OptIn}, which the namespace switch does not override"),
            _ => null,
        };
    }

    /// <summary>The proxy among the pod's containers and init containers (a native sidecar is an init container).</summary>
    private IEnumerable<JsonObject> ProxyContainers(JsonObject pod) =>
        Containers(pod, "spec.containers").Concat(Containers(pod, "spec.initContainers")).Where(c => KubeJson.String(c, "name") == Mesh.Proxy.ContainerName);

    private static IEnumerable<JsonObject> Containers(JsonObject pod, string path) => (KubeJson.Array(pod, path) ?? []).OfType<JsonObject>();
}
