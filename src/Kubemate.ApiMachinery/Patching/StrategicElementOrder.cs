using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;
using static Kubemate.ApiMachinery.Patching.StrategicDirectives;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>
/// Orders merged lists as the API server does. Precedence: the <c>$setElementOrder/&lt;field&gt;</c> list of the patch,
/// then the order of the patch list, then the order of the live list; live-only elements keep their place relative
/// to the elements around them where both orders know them.
/// </summary>
internal static class StrategicElementOrder
{
    /// <summary>
    /// Handles every <c>$setElementOrder/&lt;field&gt;</c> directive of <paramref name="patch"/>: merges that field's
    /// list, orders it and removes both the directive and the field from the patch so they are not merged again.
    /// </summary>
    public static void Apply(JsonObject original, JsonObject patch, TypeShape shape, string path)
    {
        foreach (var key in patch.Select(member => member.Key).Where(IsSetElementOrder).ToList())
        {
            var order = patch[key];
            patch.Remove(key);
            var field = key[SetElementOrderPrefix.Length..];
            if (order is not JsonArray orderList || field.Length == 0)
            {
                throw StrategicMergePatch.Error(path, $"invalid patch format of setElementOrder list: \"{key}\" must name a field and hold a list");
            }
            var fieldPath = StrategicMergePatch.Child(path, field);

            var originalList = ListOrNull(original, field, fieldPath);
            var patchHasField = patch.TryGetPropertyValue(field, out var patchValue);
            if (patchHasField && patchValue is null)
            {
                continue; // the field is being deleted; there is nothing to order
            }
            var patchList = patchHasField ? patchValue as JsonArray
                ?? throw StrategicMergePatch.Error(fieldPath, "the patch value must be a list because $setElementOrder orders it") : null;

            var fieldShape = shape.Field(field);
            var mergeKey = fieldShape.PatchMergeKey;
            if (patchList is not null)
            {
                Validate(patchList, orderList, mergeKey, fieldPath, field);
            }

            List<JsonNode?> serverOrder;
            List<JsonNode?> merged;
            switch (originalList, patchList)
            {
                case (null, null):
                    continue;
                case (not null, null):
                    merged = StrategicListMerge.Detach(originalList);
                    serverOrder = merged;
                    break;
                case (null, not null):
                    merged = CopyWithoutDirectives(patchList);
                    serverOrder = [];
                    break;
                default:
                    serverOrder = originalList!.ToList();
                    merged = StrategicMergePatch.HasMergeStrategy(fieldShape)
                        ? StrategicListMerge.Detach(StrategicListMerge.Merge(originalList, patchList!, fieldShape, isDeleteList: false, fieldPath))
                        : CopyWithoutDirectives(patchList!);
                    break;
            }

            var keyForOrdering = merged.Any(item => item is JsonObject) ? mergeKey : null;
            original[field] = new JsonArray(Normalize(merged, orderList.ToList(), serverOrder, keyForOrdering).ToArray());
            patch.Remove(field);
        }
    }

    /// <summary>
    /// Orders <paramref name="merged"/>: elements named by <paramref name="patchOrder"/> in that order, the others in
    /// <paramref name="serverOrder"/>, the two sequences interleaved by their positions in the live list.
    /// </summary>
    public static List<JsonNode?> Normalize(List<JsonNode?> merged, IReadOnlyList<JsonNode?> patchOrder, IReadOnlyList<JsonNode?> serverOrder, string? mergeKey)
    {
        var fromPatch = merged.Where(item => IndexIn(patchOrder, item, mergeKey) >= 0).ToList();
        var serverOnly = merged.Where(item => IndexIn(patchOrder, item, mergeKey) < 0).ToList();
        fromPatch = SortBy(fromPatch, patchOrder, mergeKey);
        serverOnly = SortBy(serverOnly, serverOrder, mergeKey);

        // Server-only elements go before a patch element only when the live list already had them before it.
        var result = new List<JsonNode?>(merged.Count);
        int i = 0, j = 0;
        while (i < serverOnly.Count && j < fromPatch.Count)
        {
            var serverIndex = IndexIn(serverOrder, serverOnly[i], mergeKey);
            var patchIndex = IndexIn(serverOrder, fromPatch[j], mergeKey);
            if (serverIndex >= 0 && patchIndex >= 0 && serverIndex < patchIndex)
            {
                result.Add(serverOnly[i++]);
            }
            else
            {
                result.Add(fromPatch[j++]);
            }
        }
        result.AddRange(serverOnly.Skip(i));
        result.AddRange(fromPatch.Skip(j));
        return result;
    }

    private static bool IsSetElementOrder(string key) => key.StartsWith(SetElementOrderPrefix, StringComparison.Ordinal);

    private static List<JsonNode?> SortBy(List<JsonNode?> items, IReadOnlyList<JsonNode?> order, string? mergeKey) =>
        items.OrderBy(item => IndexIn(order, item, mergeKey) is var index and >= 0 ? index : int.MaxValue).ToList();

    private static int IndexIn(IReadOnlyList<JsonNode?> list, JsonNode? item, string? mergeKey)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (StrategicListMerge.SameEntry(list[i], item, mergeKey))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The elements the patch sets must appear in <c>$setElementOrder</c>, in the same relative order.</summary>
    private static void Validate(JsonArray patchList, JsonArray orderList, string? mergeKey, string path, string field)
    {
        var elements = patchList.Where(item => !(item is JsonObject obj && obj.ContainsKey(Patch))).ToList();
        if (mergeKey is null && elements.Any(item => item is JsonObject))
        {
            return; // objects without a merge key cannot be matched against an order list
        }
        var next = 0;
        foreach (var element in elements)
        {
            while (next < orderList.Count && !StrategicListMerge.SameEntry(element, orderList[next], mergeKey))
            {
                next++;
            }
            if (next == orderList.Count)
            {
                throw StrategicMergePatch.Error(path,
                    $"the order of the patch list {JsonValueEquality.Describe(patchList)} does not match $setElementOrder/{field} {JsonValueEquality.Describe(orderList)}");
            }
            next++;
        }
    }

    private static JsonArray? ListOrNull(JsonObject original, string field, string path) =>
        original.TryGetPropertyValue(field, out var value) switch
        {
            false => null,
            true when value is null => null,
            true when value is JsonArray list => list,
            _ => throw StrategicMergePatch.Error(path, "$setElementOrder names a field that is not a list"),
        };

    private static List<JsonNode?> CopyWithoutDirectives(JsonArray list)
    {
        StrategicDirectives.TryCopyWithout(list, out var copy);
        return StrategicListMerge.Detach((JsonArray)copy!);
    }
}
