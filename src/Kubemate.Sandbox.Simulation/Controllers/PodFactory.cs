using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>Pods made from a workload's pod template, owned by the workload.</summary>
public static class PodFactory
{
    /// <summary>
    /// A pod from <paramref name="owner"/>'s <c>spec.template</c>: its labels and annotations plus
    /// <paramref name="extraLabels"/>, the template's spec, and a controller owner reference. Give either a fixed
    /// <paramref name="name"/> or a <paramref name="generateName"/> prefix.
    /// </summary>
    public static JsonObject FromTemplate(JsonObject owner, JsonObject template, string? name, string? generateName, IReadOnlyDictionary<string, string>? extraLabels = null)
    {
        var metadata = new JsonObject();
        if (name is not null)
        {
            metadata["name"] = name;
        }
        else
        {
            metadata["generateName"] = generateName;
        }
        metadata["namespace"] = owner.Namespace();
        var labels = template.At("metadata", "labels")?.DeepClone() as JsonObject ?? [];
        foreach (var (key, value) in extraLabels ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }
        if (labels.Count > 0)
        {
            metadata["labels"] = labels;
        }
        if (template.At("metadata", "annotations")?.DeepClone() is JsonObject annotations && annotations.Count > 0)
        {
            metadata["annotations"] = annotations;
        }
        metadata["ownerReferences"] = new JsonArray(Owners.ControllerReference(owner));
        return new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = metadata,
            ["spec"] = template["spec"]?.DeepClone() ?? new JsonObject(),
        };
    }
}
