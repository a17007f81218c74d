using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>
/// RFC 6902 JSON patch (<c>application/json-patch+json</c>): a list of <c>add</c>, <c>remove</c>, <c>replace</c>,
/// <c>move</c>, <c>copy</c> and <c>test</c> operations applied in order. All or nothing: the target is never modified,
/// and any failing operation fails the whole patch.
/// </summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode target, JsonNode patchDocument)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (patchDocument is not JsonArray operations)
        {
            throw new PatchException("a JSON patch must be a list of operations");
        }

        JsonNode? document = target.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            var operation = JsonPatchOperation.Read(operations[i], i);
            try
            {
                document = Apply(document, operation);
            }
            catch (PatchException ex)
            {
                throw new PatchException($"JSON patch operation {i} ({operation.Op}): {ex.Message}", ex);
            }
        }
        return document ?? throw new PatchException("the JSON patch replaced the whole document with null");
    }

    private static JsonNode? Apply(JsonNode? document, JsonPatchOperation operation) => operation.Op switch
    {
        "add" => Add(document, operation.Path, operation.Value?.DeepClone()),
        "remove" => Remove(document, operation.Path),
        "replace" => Replace(document, operation.Path, operation.Value?.DeepClone()),
        "move" => Move(document, operation.From!, operation.Path),
        "copy" => Add(document, operation.Path, Get(document, operation.From!)?.DeepClone()),
        "test" => Test(document, operation.Path, operation.Value),
        _ => throw new PatchException($"unknown operation \"{operation.Op}\""),
    };

    private static JsonNode? Add(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }
        switch (Parent(document, path))
        {
            case JsonObject obj:
                obj[path.Last] = value;
                break;
            case JsonArray array when JsonPointer.TryParseIndex(path.Last, array.Count, allowEnd: true, out var index):
                array.Insert(index, value);
                break;
            case JsonArray array:
                throw new PatchException($"the path \"{path}\" does not name a position in a list of {array.Count} elements");
            default:
                throw Missing(path);
        }
        return document;
    }

    private static JsonNode? Remove(JsonNode? document, JsonPointer path)
    {
        if (path.IsRoot)
        {
            throw new PatchException("the whole document cannot be removed");
        }
        switch (Parent(document, path))
        {
            case JsonObject obj when obj.ContainsKey(path.Last):
                obj.Remove(path.Last);
                break;
            case JsonArray array when JsonPointer.TryParseIndex(path.Last, array.Count, allowEnd: false, out var index):
                array.RemoveAt(index);
                break;
            default:
                throw Missing(path);
        }
        return document;
    }

    private static JsonNode? Replace(JsonNode? document, JsonPointer path, JsonNode? value)
    {
        if (path.IsRoot)
        {
            return value;
        }
        switch (Parent(document, path))
        {
            case JsonObject obj when obj.ContainsKey(path.Last):
                obj[path.Last] = value;
                break;
            case JsonArray array when JsonPointer.TryParseIndex(path.Last, array.Count, allowEnd: false, out var index):
                array[index] = value;
                break;
            default:
                throw Missing(path);
        }
        return document;
    }

    private static JsonNode? Move(JsonNode? document, JsonPointer from, JsonPointer path)
    {
        if (path.IsInside(from))
        {
            throw new PatchException($"the path \"{from}\" cannot be moved into its own child \"{path}\"");
        }
        var value = Get(document, from)?.DeepClone();
        if (path.Text == from.Text)
        {
            return document;
        }
        return Add(Remove(document, from), path, value);
    }

    private static JsonNode? Test(JsonNode? document, JsonPointer path, JsonNode? expected)
    {
        var actual = Get(document, path);
        if (!JsonValueEquality.AreEqual(actual, expected))
        {
            throw new PatchException(
                $"test failed: the value at \"{path}\" is {JsonValueEquality.Describe(actual)}, not {JsonValueEquality.Describe(expected)}");
        }
        return document;
    }

    private static JsonNode? Get(JsonNode? document, JsonPointer path) =>
        path.TryResolve(document, out var value) ? value : throw Missing(path);

    private static JsonNode? Parent(JsonNode? document, JsonPointer path) =>
        path.TryResolveParent(document, out var parent) ? parent : throw Missing(path);

    private static PatchException Missing(JsonPointer path) => new($"the path \"{path}\" does not exist");
}
