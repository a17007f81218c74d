using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>The <c>$</c> keys a strategic merge patch carries besides data, and how to strip them from new values.</summary>
internal static class StrategicDirectives
{
    public const string Patch = "$patch";
    public const string RetainKeys = "$retainKeys";
    public const string SetElementOrderPrefix = "$setElementOrder/";
    public const string DeleteFromPrimitiveListPrefix = "$deleteFromPrimitiveList/";

    public const string Replace = "replace";
    public const string Merge = "merge";
    public const string Delete = "delete";

    public static bool IsDirectiveKey(string key) =>
        key == Patch || key == RetainKeys || key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal)
        || key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal);

    /// <summary>The value of a <c>$patch</c> member, which must be a string.</summary>
    public static string ReadPatchDirective(JsonNode? value, string path) =>
        value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
            ? scalar.GetValue<string>()
            : throw StrategicMergePatch.Error(path, $"$patch must be a string, got {JsonValueEquality.Describe(value)}");

    /// <summary>
    /// Copies a patch value that lands where the target has nothing to merge with, as the API server does:
    /// null members are dropped, objects carrying <c>$patch</c> are dropped, and other directive keys are removed.
    /// Returns false when the value itself is dropped.
    /// </summary>
    public static bool TryCopyWithout(JsonNode? node, out JsonNode? copy)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey(Patch))
                {
                    copy = null;
                    return false;
                }
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null && !IsDirectiveKey(key) && TryCopyWithout(value, out var child))
                    {
                        result[key] = child;
                    }
                }
                copy = result;
                return true;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    if (TryCopyWithout(item, out var child))
                    {
                        items.Add(child);
                    }
                }
                copy = items;
                return true;
            default:
                copy = node?.DeepClone();
                return true;
        }
    }
}
