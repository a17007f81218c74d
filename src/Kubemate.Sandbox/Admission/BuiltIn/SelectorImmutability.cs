using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// apps/v1 Deployments, ReplicaSets, StatefulSets and DaemonSets keep their selector for life (the update
/// strategies' immutable-field check). Compared as the apiserver's semantic equality does: an empty map or list
/// equals an absent one.
/// </summary>
internal static class SelectorImmutability
{
    public static void Validate(string kind, JsonObject updated, JsonObject existing, List<FieldViolation> errors)
    {
        if (kind is not ("Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet"))
        {
            return;
        }
        var next = updated.At("spec", "selector") as JsonObject;
        var previous = existing.At("spec", "selector") as JsonObject;
        if (!JsonNode.DeepEquals(Normalized(next), Normalized(previous)))
        {
            errors.Add(new FieldViolation("spec.selector", ViolationType.Invalid, "field is immutable")
            {
                Value = next is null ? "null" : GoValues.LabelSelector(next),
            });
        }
    }

    private static JsonObject? Normalized(JsonObject? selector)
    {
        if (selector is null)
        {
            return null;
        }
        var labels = new JsonObject();
        foreach (var (key, value) in Fields.StringMap(selector["matchLabels"]) ?? [])
        {
            labels[key] = value;
        }
        var expressions = new JsonArray([.. Fields.List(selector, "matchExpressions").Select(e => (JsonNode)new JsonObject
        {
            ["key"] = Fields.Text(e, "key"),
            ["operator"] = Fields.Text(e, "operator"),
            ["values"] = new JsonArray([.. Fields.List(e, "values").Select(v => (JsonNode?)v?.DeepClone())]),
        })]);
        return new JsonObject { ["matchLabels"] = labels, ["matchExpressions"] = expressions };
    }
}
