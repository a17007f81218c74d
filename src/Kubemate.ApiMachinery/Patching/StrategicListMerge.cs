using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;
using static Kubemate.ApiMachinery.Patching.StrategicDirectives;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>
/// Merges a list whose patch strategy is <c>merge</c>: scalars as a set, objects by their merge key (with
/// <c>$patch: delete</c> and <c>$patch: replace</c> elements), or removes the scalars of a
/// <c>$deleteFromPrimitiveList</c>. The result is ordered as the API server orders it.
/// </summary>
internal static class StrategicListMerge
{
    public static JsonArray Merge(JsonArray originalList, JsonArray patchList, TypeShape listShape, bool isDeleteList, string path)
    {
        var original = Detach(originalList);
        var patch = patchList.ToList();
        if (original.Count == 0 && patch.Count == 0)
        {
            return [];
        }

        if (!HoldsObjects(original, patch, path))
        {
            if (isDeleteList)
            {
                return ToArray(original.Where(item => !patch.Any(p => JsonValueEquality.AreEqual(p, item))));
            }
            var union = Deduplicate(original.Concat(patch.Select(item => item?.DeepClone())));
            return ToArray(StrategicElementOrder.Normalize(union, patch, original, mergeKey: null));
        }

        var mergeKey = listShape.PatchMergeKey
            ?? throw StrategicMergePatch.Error(path, "cannot merge a list of objects without a merge key");
        var (remaining, elements) = ApplyElementDirectives(original, patch, mergeKey, path);
        var merged = MergeByKey(remaining, elements, mergeKey, listShape.Element, path);
        return ToArray(StrategicElementOrder.Normalize(merged, elements, remaining, mergeKey));
    }

    /// <summary>Detaches the items of a list so they can be placed in a new one.</summary>
    public static List<JsonNode?> Detach(JsonArray list)
    {
        var items = list.ToList();
        list.Clear();
        return items;
    }

    /// <summary>True if two elements are the same list entry: equal merge key values, or equal scalars.</summary>
    public static bool SameEntry(JsonNode? left, JsonNode? right, string? mergeKey)
    {
        if (mergeKey is null)
        {
            return JsonValueEquality.AreEqual(left, right);
        }
        return left is JsonObject l && right is JsonObject r
            && l.TryGetPropertyValue(mergeKey, out var lk) && r.TryGetPropertyValue(mergeKey, out var rk)
            && JsonValueEquality.AreEqual(lk, rk);
    }

    public static string ElementPath(string path, string mergeKey, JsonNode? keyValue) =>
        $"{path}[{mergeKey}={(keyValue is JsonValue v && v.TryGetValue<string>(out var s) ? s : JsonValueEquality.Describe(keyValue))}]";

    private static (List<JsonNode?> Remaining, List<JsonNode?> Elements) ApplyElementDirectives(
        List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, string path)
    {
        var elements = new List<JsonNode?>();
        var replace = false;
        foreach (var item in patch)
        {
            var element = (JsonObject)item!;
            if (!element.TryGetPropertyValue(Patch, out var directiveValue))
            {
                elements.Add(element);
                continue;
            }
            switch (ReadPatchDirective(directiveValue, path))
            {
                case Delete:
                    if (!element.ContainsKey(mergeKey))
                    {
                        throw StrategicMergePatch.Error(path, $"an element with $patch: delete does not contain the merge key \"{mergeKey}\"");
                    }
                    original.RemoveAll(existing => SameEntry(existing, element, mergeKey));
                    break;
                case Replace:
                    replace = true;
                    break;
                case StrategicDirectives.Merge:
                    throw StrategicMergePatch.Error(path, "$patch: merge is not supported in list elements");
                case var other:
                    throw StrategicMergePatch.Error(path, $"unknown patch type \"{other}\" in list element (expected delete or replace)");
            }
        }
        if (replace)
        {
            var replacement = elements.Select(e => TryCopyWithout(e, out var copy) ? copy : null).Where(e => e is not null).ToList();
            return (replacement, []);
        }
        return (original, elements);
    }

    private static List<JsonNode?> MergeByKey(List<JsonNode?> original, List<JsonNode?> patch, string mergeKey, TypeShape elementShape, string path)
    {
        var merged = new List<JsonNode?>(original);
        foreach (var item in patch)
        {
            var element = (JsonObject)item!;
            if (!element.TryGetPropertyValue(mergeKey, out var keyValue))
            {
                throw StrategicMergePatch.Error(path, $"element {JsonValueEquality.Describe(element)} does not contain the merge key \"{mergeKey}\"");
            }
            var index = merged.FindIndex(existing => SameEntry(existing, element, mergeKey));
            if (index >= 0)
            {
                merged[index] = StrategicMergePatch.MergeObject(
                    (JsonObject)merged[index]!, element, elementShape, ElementPath(path, mergeKey, keyValue));
            }
            else if (TryCopyWithout(element, out var copy))
            {
                merged.Add(copy);
            }
        }
        return merged;
    }

    private static bool HoldsObjects(List<JsonNode?> original, List<JsonNode?> patch, string path)
    {
        var items = original.Concat(patch).Where(item => item is not null).ToList();
        var objects = items.Count(item => item is JsonObject);
        if (objects != 0 && objects != items.Count)
        {
            throw StrategicMergePatch.Error(path, "cannot merge a list that mixes objects and other values");
        }
        return objects > 0;
    }

    private static List<JsonNode?> Deduplicate(IEnumerable<JsonNode?> items)
    {
        var unique = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (!unique.Any(existing => JsonValueEquality.AreEqual(existing, item)))
            {
                unique.Add(item);
            }
        }
        return unique;
    }

    private static JsonArray ToArray(IEnumerable<JsonNode?> items) => new(items.ToArray());
}
