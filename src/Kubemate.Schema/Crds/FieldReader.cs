using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Crds;

/// <summary>Reads typed fields of an object, turning a value of the wrong JSON type into a field error instead of an exception.</summary>
internal sealed class FieldReader(List<FieldError> errors)
{
    public string? String(JsonObject? obj, string key, FieldPath path)
    {
        var node = obj?[key];
        if (node is null)
        {
            return null;
        }
        if (JsonSemantics.IsString(node, out var text))
        {
            return text;
        }
        errors.Add(FieldError.Invalid(path.Child(key).ToString(), node, "must be a string"));
        return null;
    }

    public bool Bool(JsonObject? obj, string key, FieldPath path)
    {
        var node = obj?[key];
        switch (node?.GetValueKind())
        {
            case null:
                return false;
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                errors.Add(FieldError.Invalid(path.Child(key).ToString(), node, "must be a boolean"));
                return false;
        }
    }

    public int Int(JsonObject? obj, string key, FieldPath path)
    {
        var node = obj?[key];
        if (node is null)
        {
            return 0;
        }
        if (NumberValue.TryRead(node, out var number) && number.IsInteger && number.Integer is >= int.MinValue and <= int.MaxValue)
        {
            return (int)number.Integer;
        }
        errors.Add(FieldError.Invalid(path.Child(key).ToString(), node, "must be an integer"));
        return 0;
    }

    public JsonObject? Object(JsonObject? obj, string key, FieldPath path)
    {
        var node = obj?[key];
        if (node is null or JsonObject)
        {
            return node as JsonObject;
        }
        errors.Add(FieldError.Invalid(path.Child(key).ToString(), node, "must be an object"));
        return null;
    }

    public IReadOnlyList<JsonNode?> List(JsonObject? obj, string key, FieldPath path)
    {
        var node = obj?[key];
        switch (node)
        {
            case null:
                return [];
            case JsonArray array:
                return array.ToList();
            default:
                errors.Add(FieldError.Invalid(path.Child(key).ToString(), node, "must be a list"));
                return [];
        }
    }

    public IReadOnlyList<string> Strings(JsonObject? obj, string key, FieldPath path)
    {
        var result = new List<string>();
        var items = List(obj, key, path);
        for (var i = 0; i < items.Count; i++)
        {
            if (JsonSemantics.IsString(items[i], out var text))
            {
                result.Add(text);
            }
            else
            {
                errors.Add(FieldError.Invalid(path.Child(key).Index(i).ToString(), items[i], "must be a string"));
            }
        }
        return result;
    }
}
