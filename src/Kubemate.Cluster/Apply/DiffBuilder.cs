using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Apply;

/// <summary>
/// Builds the preview of one change: the fields that differ, as before and after YAML. Sensitive values
/// (<see cref="SensitiveFields"/>) are replaced by words saying whether they changed, before anything is compared.
/// </summary>
public static class DiffBuilder
{
    /// <summary>Null on either side means the object is absent there (created or deleted).</summary>
    public static ObjectDiff Build(JsonObject? before, JsonObject? after)
    {
        var (cleanBefore, cleanAfter) = SensitiveValues.Redact(before is null ? null : ServerFields.Strip(before), after is null ? null : ServerFields.Strip(after));
        if (cleanBefore is null || cleanAfter is null)
        {
            return new ObjectDiff(cleanBefore is null ? "" : YamlJson.Serialize(cleanBefore), cleanAfter is null ? "" : YamlJson.Serialize(cleanAfter));
        }
        if (JsonNode.DeepEquals(cleanBefore, cleanAfter))
        {
            return new ObjectDiff("", "");
        }
        var (beforeChanged, afterChanged) = Restrict(cleanBefore, cleanAfter);
        return new ObjectDiff(YamlJson.Serialize(beforeChanged), YamlJson.Serialize(afterChanged));
    }

    /// <summary>True when the two states match once server-written fields are ignored.</summary>
    public static bool SameManifest(JsonObject? before, JsonObject? after) =>
        before is not null && after is not null && JsonNode.DeepEquals(ServerFields.Strip(before), ServerFields.Strip(after));

    private static bool IsNarrowedToNothing(JsonNode? original, JsonNode? narrowed) =>
        narrowed is JsonObject { Count: 0 } && original is JsonObject { Count: > 0 };

    // Objects are narrowed key by key; anything else (lists, scalars) is shown whole when it differs.
    private static (JsonNode? Before, JsonNode? After) Restrict(JsonNode? before, JsonNode? after)
    {
        if (before is not JsonObject beforeObject || after is not JsonObject afterObject)
        {
            return (before?.DeepClone(), after?.DeepClone());
        }
        var narrowedBefore = new JsonObject();
        var narrowedAfter = new JsonObject();
        foreach (var key in beforeObject.Select(p => p.Key).Union(afterObject.Select(p => p.Key)))
        {
            var hasBefore = beforeObject.TryGetPropertyValue(key, out var beforeValue);
            var hasAfter = afterObject.TryGetPropertyValue(key, out var afterValue);
            if (hasBefore == hasAfter && JsonNode.DeepEquals(beforeValue, afterValue))
            {
                continue;
            }
            var (b, a) = hasBefore && hasAfter ? Restrict(beforeValue, afterValue) : (beforeValue?.DeepClone(), afterValue?.DeepClone());
            // A parent kept only because the other side gained a child would print as "{}": leave it out.
            if (hasBefore && !IsNarrowedToNothing(beforeValue, b))
            {
                narrowedBefore[key] = b;
            }
            if (hasAfter && !IsNarrowedToNothing(afterValue, a))
            {
                narrowedAfter[key] = a;
            }
        }
        return (narrowedBefore, narrowedAfter);
    }
}
