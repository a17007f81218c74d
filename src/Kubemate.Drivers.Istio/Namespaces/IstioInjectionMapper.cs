using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Collections;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;
using Kubemate.Model.References;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Istio.Namespaces;

/// <summary>
/// Injection as the namespace label <c>istio-injection: enabled|disabled</c>, or on a workload's pod template the
/// label <c>sidecar.istio.io/inject: "true"|"false"</c> and the <c>traffic.sidecar.istio.io/excludeOutboundPorts</c>
/// and <c>excludeInboundPorts</c> annotations.
/// </summary>
internal sealed class IstioInjectionMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is MeshInjection;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model)
    {
        var injection = (MeshInjection)model;
        if (injection.Target.IsNamespace && (injection.SkipOutboundPorts.Count > 0 || injection.SkipInboundPorts.Count > 0))
        {
            yield return new("target", "Istio excludes ports per workload (pod annotations), not per namespace");
        }
    }

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var injection = (MeshInjection)model;
        var target = injection.Target;
        if (target.IsNamespace)
        {
            var ns = KubeJson.NewObject("v1", "Namespace", target.Name, null);
            if (injection.Enabled is bool enabled)
            {
                KubeJson.SetLabel(ns, IstioNames.NamespaceInjectionLabel, enabled ? "enabled" : "disabled");
            }
            yield return ns;
            yield break;
        }
        var workload = KubeJson.NewObject(ApiVersion(target.WorkloadKind!), target.WorkloadKind!, target.Name, target.Namespace);
        var metadata = new JsonObject();
        if (injection.Enabled is bool inject)
        {
            metadata["labels"] = new JsonObject { [IstioNames.PodInjectionLabel] = inject ? "true" : "false" };
        }
        var annotations = new JsonObject();
        if (injection.SkipOutboundPorts.Count > 0)
        {
            annotations[IstioNames.ExcludeOutboundPorts] = string.Join(",", injection.SkipOutboundPorts);
        }
        if (injection.SkipInboundPorts.Count > 0)
        {
            annotations[IstioNames.ExcludeInboundPorts] = string.Join(",", injection.SkipInboundPorts);
        }
        if (annotations.Count > 0)
        {
            metadata["annotations"] = annotations;
        }
        JsonNode template = new JsonObject { ["metadata"] = metadata };
        foreach (var part in TemplatePath(target.WorkloadKind!).Split('.').Reverse())
        {
            template = new JsonObject { [part] = template };
        }
        foreach (var (key, value) in (JsonObject)template)
        {
            workload[key] = value?.DeepClone();
        }
        yield return workload;
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var ns in pool.All("", "Namespace"))
        {
            var labels = KubeJson.StringMap(KubeJson.Object(ns, "metadata.labels"));
            if (labels.TryGetValue(IstioNames.NamespaceInjectionLabel, out var value) && value is "enabled" or "disabled")
            {
                pool.Claim(ns);
                yield return new MeshInjection { Target = InjectionTarget.ForNamespace(KubeJson.Name(ns)), Enabled = value == "enabled" };
            }
        }
        foreach (var kind in WorkloadRef.Kinds)
        {
            foreach (var workload in pool.All(ApiVersion(kind).Split('/')[0], kind))
            {
                var metadata = KubeJson.Object(workload, TemplatePath(kind) + ".metadata");
                var labels = KubeJson.StringMap(KubeJson.Object(metadata, "labels"));
                var annotations = KubeJson.StringMap(KubeJson.Object(metadata, "annotations"));
                labels.TryGetValue(IstioNames.PodInjectionLabel, out var inject);
                var injection = new MeshInjection
                {
                    Target = InjectionTarget.ForWorkload(kind, KubeJson.Name(workload), KubeJson.Namespace(workload)),
                    Enabled = inject switch { "true" => true, "false" => false, _ => null },
                    SkipOutboundPorts = Ports(annotations, IstioNames.ExcludeOutboundPorts),
                    SkipInboundPorts = Ports(annotations, IstioNames.ExcludeInboundPorts),
                };
                if (injection.Enabled is null && injection.SkipOutboundPorts.Count == 0 && injection.SkipInboundPorts.Count == 0)
                {
                    continue;
                }
                pool.Claim(workload);
                yield return injection;
            }
        }
    }

    private static string ApiVersion(string kind) => kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1";

    private static string TemplatePath(string kind) => kind == "CronJob" ? "spec.jobTemplate.spec.template" : "spec.template";

    private static ValueList<string> Ports(IReadOnlyDictionary<string, string> annotations, string key) =>
        annotations.TryGetValue(key, out var value) ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToValueList() : [];
}
