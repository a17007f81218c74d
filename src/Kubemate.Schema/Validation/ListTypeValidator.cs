using System.Text.Json.Nodes;

namespace Kubemate.Schema.Validation;

/// <summary>
/// Uniqueness of <c>x-kubernetes-list-type: set</c> elements and of <c>map</c> list keys
/// (<c>x-kubernetes-list-map-keys</c>), reported as Duplicate at the second occurrence, as the apiserver does.
/// </summary>
internal static class ListTypeValidator
{
    private const string Unspecified = "\u0000unspecified";

    public static void Validate(JsonNode? value, StructuralSchema schema, FieldPath path, List<FieldError> errors) =>
        StructuralWalker.Walk(value, schema, path, (node, nodeSchema, nodePath) =>
        {
            if (node is not JsonArray array)
            {
                return;
            }
            switch (nodeSchema.XListType)
            {
                case "set":
                    foreach (var index in RepeatedIndexes(array.Select(JsonSemantics.CanonicalKey).ToList()))
                    {
                        errors.Add(FieldError.Duplicate(nodePath.Index(index).ToString(), array[index]));
                    }
                    break;
                case "map":
                    ValidateMapList(array, nodeSchema.XListMapKeys, nodePath, errors);
                    break;
            }
        });

    private static void ValidateMapList(JsonArray array, IReadOnlyList<string> keyFields, FieldPath path, List<FieldError> errors)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not null and not JsonObject)
            {
                errors.Add(FieldError.Invalid(path.Index(i).ToString(), array[i], "must be an object for an array of list-type map"));
                return;
            }
        }
        if (array.Count <= 1 || keyFields.Count == 0)
        {
            return;
        }

        var keys = array.Select(item => KeyOf(item as JsonObject, keyFields)).ToList();
        foreach (var index in RepeatedIndexes(keys.Select(key => key.Canonical).ToList()))
        {
            errors.Add(FieldError.Duplicate(path.Index(index).ToString(), keys[index].Printed));
        }
    }

    // A single key field that is absent counts as "unspecified" (equal to other absent ones); with several key
    // fields the absent ones are left out of the key.
    private static (string Canonical, JsonObject Printed) KeyOf(JsonObject? item, IReadOnlyList<string> keyFields)
    {
        var printed = new JsonObject();
        if (keyFields.Count == 1)
        {
            if (item is null || !item.TryGetPropertyValue(keyFields[0], out var single))
            {
                return (Unspecified, printed);
            }
            printed[keyFields[0]] = single?.DeepClone();
            return (JsonSemantics.CanonicalKey(single), printed);
        }
        foreach (var field in keyFields)
        {
            if (item is not null && item.TryGetPropertyValue(field, out var part))
            {
                printed[field] = part?.DeepClone();
            }
        }
        return (JsonSemantics.CanonicalKey(printed), printed);
    }

    // The index of the second occurrence of each repeated value.
    private static IEnumerable<int> RepeatedIndexes(List<string> keys)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            seen[keys[i]] = seen.GetValueOrDefault(keys[i]) + 1;
            if (seen[keys[i]] == 2)
            {
                yield return i;
            }
        }
    }
}
