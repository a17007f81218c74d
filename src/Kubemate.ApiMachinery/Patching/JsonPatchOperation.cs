using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Patching;

/// <summary>One operation of a JSON patch, checked for the members its <c>op</c> needs.</summary>
internal sealed record JsonPatchOperation(string Op, JsonPointer Path, JsonPointer? From, JsonNode? Value)
{
    private static readonly HashSet<string> KnownOps = ["add", "remove", "replace", "move", "copy", "test"];

    public static JsonPatchOperation Read(JsonNode? node, int index)
    {
        if (node is not JsonObject obj)
        {
            throw new PatchException($"JSON patch operation {index} is not an object");
        }
        var op = RequiredString(obj, "op", index, op: null);
        if (!KnownOps.Contains(op))
        {
            throw new PatchException($"JSON patch operation {index}: unknown operation \"{op}\" (expected add, remove, replace, move, copy or test)");
        }
        var path = Pointer(RequiredString(obj, "path", index, op), index, op);
        JsonPointer? from = op is "move" or "copy" ? Pointer(RequiredString(obj, "from", index, op), index, op) : null;
        JsonNode? value = null;
        if (op is "add" or "replace" or "test" && !obj.TryGetPropertyValue("value", out value))
        {
            throw new PatchException($"JSON patch operation {index} ({op}): missing \"value\"");
        }
        return new JsonPatchOperation(op, path, from, value);
    }

    private static string RequiredString(JsonObject obj, string member, int index, string? op)
    {
        if (obj.TryGetPropertyValue(member, out var value) && value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String)
        {
            return scalar.GetValue<string>();
        }
        var operation = op is null ? $"JSON patch operation {index}" : $"JSON patch operation {index} ({op})";
        throw new PatchException($"{operation}: \"{member}\" must be a string");
    }

    private static JsonPointer Pointer(string text, int index, string op)
    {
        try
        {
            return JsonPointer.Parse(text);
        }
        catch (PatchException ex)
        {
            throw new PatchException($"JSON patch operation {index} ({op}): {ex.Message}", ex);
        }
    }
}
