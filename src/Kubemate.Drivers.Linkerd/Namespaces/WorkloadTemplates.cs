using System.Text.Json.Nodes;
using Kubemate.Model.Injection;
using Kubemate.Model.Kube;

namespace Kubemate.Drivers.Linkerd.Namespaces;

/// <summary>Where a workload keeps its pod template, and partial objects that set template annotations or labels.</summary>
internal static class WorkloadTemplates
{
    public static string ApiVersion(string kind) => kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1";

    public static string TemplatePath(string kind) => kind == "CronJob" ? "spec.jobTemplate.spec.template" : "spec.template";

    /// <summary>A partial object for the target: the Namespace itself, or the workload with only its pod template metadata.</summary>
    public static (JsonObject Object, JsonObject Metadata) Partial(InjectionTarget target)
    {
        if (target.IsNamespace)
        {
            var ns = KubeJson.NewObject("v1", "Namespace", target.Name, null);
            return (ns, (JsonObject)ns["metadata"]!);
        }
        var kind = target.WorkloadKind!;
        var workload = KubeJson.NewObject(ApiVersion(kind), kind, target.Name, target.Namespace);
        var metadata = new JsonObject();
        JsonNode node = new JsonObject { ["metadata"] = metadata };
        foreach (var part in TemplatePath(kind).Split('.').Reverse())
        {
            node = new JsonObject { [part] = node };
        }
        foreach (var (key, value) in (JsonObject)node)
        {
            workload[key] = value?.DeepClone();
        }
        return (workload, (JsonObject)KubeJson.At(workload, TemplatePath(kind) + ".metadata")!);
    }

    /// <summary>The target an object stands for, with the metadata that holds its injection settings.</summary>
    public static (InjectionTarget Target, JsonObject? Metadata)? TargetOf(JsonObject obj)
    {
        var kind = KubeJson.Kind(obj);
        if (KubeJson.Is(obj, "", "Namespace"))
        {
            return (InjectionTarget.ForNamespace(KubeJson.Name(obj)), KubeJson.Object(obj, "metadata"));
        }
        if (Kubemate.Model.References.WorkloadRef.Kinds.Contains(kind) && KubeJson.Group(obj) == ApiVersion(kind).Split('/')[0])
        {
            return (InjectionTarget.ForWorkload(kind, KubeJson.Name(obj), KubeJson.Namespace(obj)), KubeJson.Object(obj, TemplatePath(kind) + ".metadata"));
        }
        return null;
    }
}
