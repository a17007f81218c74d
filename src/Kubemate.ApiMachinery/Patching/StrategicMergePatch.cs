using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;
using static Kubemate.ApiMachinery.Patching.StrategicDirectives;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>
/// Kubernetes strategic merge patch (<c>application/strategic-merge-patch+json</c>), as the API server applies it:
/// objects merge field by field and null deletes; lists follow the field's <c>patchStrategy</c> from the
/// <see cref="TypeShape"/> (merged by <c>patchMergeKey</c>, merged as a set of scalars, or replaced); and the
/// directives <c>$patch</c> (replace, merge, delete), <c>$retainKeys</c>, <c>$setElementOrder/&lt;field&gt;</c> and
/// <c>$deleteFromPrimitiveList/&lt;field&gt;</c> are honoured. Fields the shape does not know merge as objects and
/// replace as lists, like a JSON merge patch. Neither argument is modified.
/// </summary>
public static class StrategicMergePatch
{
    public static JsonNode Apply(JsonNode target, JsonObject patch, TypeShape shape)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(shape);
        if (target is not JsonObject original)
        {
            throw new PatchException("a strategic merge patch can only be applied to a JSON object");
        }
        return MergeObject((JsonObject)original.DeepClone(), (JsonObject)patch.DeepClone(), shape, "");
    }

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (modified in place) and returns the result.</summary>
    internal static JsonObject MergeObject(JsonObject original, JsonObject patch, TypeShape shape, string path)
    {
        if (patch.TryGetPropertyValue(Patch, out var directive))
        {
            return ApplyObjectDirective(ReadPatchDirective(directive, path), patch, path);
        }

        ApplyRetainKeys(original, patch, path);
        StrategicElementOrder.Apply(original, patch, shape, path);

        foreach (var (key, patchValue) in patch.ToList())
        {
            var field = key;
            var isDeleteList = false;
            if (key.StartsWith(DeleteFromPrimitiveListPrefix, StringComparison.Ordinal))
            {
                field = key[DeleteFromPrimitiveListPrefix.Length..];
                if (field.Length == 0)
                {
                    throw Error(path, $"invalid patch format of primitive list: \"{key}\" names no field");
                }
                isDeleteList = true;
            }

            if (patchValue is null)
            {
                original.Remove(field);
                continue;
            }

            original.TryGetPropertyValue(field, out var originalValue);
            if (originalValue is null || !SameKind(originalValue, patchValue))
            {
                if (!isDeleteList)
                {
                    SetCopy(original, field, patchValue);
                }
                continue;
            }

            var fieldShape = shape.Field(field);
            var fieldPath = Child(path, field);
            switch (originalValue)
            {
                case JsonObject when fieldShape.PatchStrategy == Replace:
                    SetCopy(original, field, patchValue);
                    break;
                case JsonObject originalObject:
                    var merged = MergeObject(originalObject, (JsonObject)patchValue, fieldShape, fieldPath);
                    if (!ReferenceEquals(merged, originalObject))
                    {
                        original[field] = merged;
                    }
                    break;
                case JsonArray originalList when isDeleteList || HasMergeStrategy(fieldShape):
                    original[field] = StrategicListMerge.Merge(originalList, (JsonArray)patchValue, fieldShape, isDeleteList, fieldPath);
                    break;
                default:
                    SetCopy(original, field, patchValue);
                    break;
            }
        }
        return original;
    }

    internal static bool HasMergeStrategy(TypeShape shape) =>
        shape.PatchStrategy is { } strategy && strategy.Split(',').Any(part => part.Trim() == Merge);

    internal static string Child(string path, string field) => path.Length == 0 ? field : $"{path}.{field}";

    internal static PatchException Error(string path, string reason) =>
        new(path.Length == 0 ? reason : $"{path}: {reason}");

    private static JsonObject ApplyObjectDirective(string directive, JsonObject patch, string path)
    {
        switch (directive)
        {
            case Replace:
                patch.Remove(Patch);
                TryCopyWithout(patch, out var replacement);
                return (JsonObject)replacement!;
            case Delete:
                return [];
            default:
                throw Error(path, $"unknown patch type \"{directive}\" in map (expected replace or delete)");
        }
    }

    /// <summary>
    /// <c>$retainKeys</c>: fields of the original missing from the list are cleared (so a union such as a deployment
    /// strategy can switch member); every field the patch sets must be listed.
    /// </summary>
    private static void ApplyRetainKeys(JsonObject original, JsonObject patch, string path)
    {
        if (!patch.TryGetPropertyValue(RetainKeys, out var listed))
        {
            return;
        }
        patch.Remove(RetainKeys);
        if (listed is not JsonArray keys || keys.Any(k => k is not JsonValue v || !v.TryGetValue<string>(out _)))
        {
            throw Error(path, "invalid patch format of retainKeys: $retainKeys must be a list of field names");
        }
        var retained = keys.Select(k => k!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in patch)
        {
            if (value is not null && !IsDirectiveKey(key) && !retained.Contains(key))
            {
                throw Error(path, $"invalid patch format of retainKeys: the patch sets \"{key}\" but $retainKeys does not list it");
            }
        }
        foreach (var key in original.Select(member => member.Key).Where(key => !retained.Contains(key)).ToList())
        {
            original.Remove(key);
        }
    }

    private static void SetCopy(JsonObject target, string field, JsonNode patchValue)
    {
        if (TryCopyWithout(patchValue, out var copy))
        {
            target[field] = copy;
        }
        else
        {
            target.Remove(field);
        }
    }

    private static bool SameKind(JsonNode left, JsonNode right) => (left, right) switch
    {
        (JsonObject, JsonObject) or (JsonArray, JsonArray) => true,
        (JsonObject, _) or (_, JsonObject) or (JsonArray, _) or (_, JsonArray) => false,
        _ => true,
    };
}
