using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Validation;

/// <summary>
/// Reads typed fields out of a <see cref="JsonObject"/> for validators, turning a value of the wrong JSON type
/// into a violation naming the field instead of an exception.
/// </summary>
internal sealed class JsonFieldReader(List<FieldViolation> violations)
{
    public string? String(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            return value.GetValue<string>();
        }
        violations.Add(FieldViolation.Invalid(path, node, "must be a string"));
        return null;
    }

    public long? Integer(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (Json.JsonNumbers.TryGetInt64(node, out var number))
        {
            return number;
        }
        violations.Add(FieldViolation.Invalid(path, node, "must be an integer"));
        return null;
    }

    public bool? Boolean(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }
        violations.Add(FieldViolation.Invalid(path, node, "must be a boolean"));
        return null;
    }

    public JsonObject? Object(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null or JsonObject)
        {
            return (JsonObject?)node;
        }
        violations.Add(FieldViolation.Invalid(path, node, "must be an object"));
        return null;
    }

    public JsonArray? Array(JsonObject obj, string key, string path)
    {
        var node = obj[key];
        if (node is null or JsonArray)
        {
            return (JsonArray?)node;
        }
        violations.Add(FieldViolation.Invalid(path, node, "must be a list"));
        return null;
    }

    /// <summary>A map of strings (labels, annotations), keys in ordinal order so messages come out deterministically.</summary>
    public SortedDictionary<string, string> StringMap(JsonObject obj, string key, string path)
    {
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var node = Object(obj, key, path);
        if (node is null)
        {
            return map;
        }
        foreach (var (entryKey, entryValue) in node)
        {
            if (entryValue is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                map[entryKey] = value.GetValue<string>();
            }
            else
            {
                violations.Add(FieldViolation.Invalid($"{path}[{entryKey}]", entryValue, "must be a string"));
            }
        }
        return map;
    }

    /// <summary>A list of strings (finalizers, rule verbs); elements of another type are reported by index.</summary>
    public List<string> StringList(JsonObject obj, string key, string path)
    {
        var list = new List<string>();
        var node = Array(obj, key, path);
        if (node is null)
        {
            return list;
        }
        for (var i = 0; i < node.Count; i++)
        {
            if (node[i] is JsonValue value && value.GetValueKind() == JsonValueKind.String)
            {
                list.Add(value.GetValue<string>());
            }
            else
            {
                violations.Add(FieldViolation.Invalid($"{path}[{i}]", node[i], "must be a string"));
            }
        }
        return list;
    }
}
