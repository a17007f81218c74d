using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.Sandbox.Protobuf.Schema;
using Kubemate.Sandbox.Protobuf.Types;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// What decoding JSON into the apiserver's typed Go structs refuses: a value of the wrong JSON type for a known
/// field (<c>replicas: "three"</c>, <c>data: {k: 5}</c>, <c>metadata.labels: {a: 1}</c>), an integer that does not
/// fit, bytes that are not base64, a quantity that does not parse. Reported as Go's decoder words it: the first
/// type failure in document order, unless a quantity fails to parse, which stops the decoder where it is. Unknown
/// fields and null are left alone (null is Go's zero value), as are the other fields whose JSON is not an object in
/// Go (Time, IntOrString). Types come from the protobuf type tables the sandbox already has.
/// </summary>
internal static class TypedDecoding
{
    /// <summary>Marks a failure that ends decoding at once (a Quantity's own parse error) rather than being saved.</summary>
    private const char Stop = '\0';

    /// <summary>The decoding failure of <paramref name="node"/> as <paramref name="schema"/>, or null.</summary>
    /// <param name="path">The JSON names leading to <paramref name="node"/>, dot-joined ("spec.template").</param>
    public static string? FirstFailure(JsonNode? node, MessageSchema schema, string path)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }
        var saved = Message(obj, schema, path);
        return saved is { Length: > 0 } && saved[0] == Stop ? saved[1..] : saved;
    }

    private static string? Message(JsonObject obj, MessageSchema schema, string path)
    {
        string? first = null;
        foreach (var (name, value) in obj)
        {
            if (FindField(schema, name) is not { } field || value is null)
            {
                continue;
            }
            var fieldPath = path.Length == 0 ? name : path + "." + name;
            if (Value(value, field.Type, field.Repeated, schema, fieldPath) is { } failure)
            {
                if (failure[0] == Stop)
                {
                    return failure;
                }
                first ??= failure;
            }
        }
        return first;
    }

    private static ProtoField? FindField(MessageSchema schema, string jsonName)
    {
        foreach (var field in schema.Fields)
        {
            if (field.Inline && field.Type is MessageType inner && FindField(inner.Schema, jsonName) is { } nested)
            {
                return nested;
            }
            if (!field.Inline && field.JsonName == jsonName)
            {
                return field;
            }
        }
        return null;
    }

    private static string? Value(JsonNode value, FieldType type, bool repeated, MessageSchema owner, string path)
    {
        if (repeated)
        {
            if (value is not JsonArray list)
            {
                return Mismatch(value, owner, path, "[]" + GoType(type));
            }
            return Earliest(list.OfType<JsonNode>().Select(item => Value(item, type, false, owner, path)));
        }
        switch (type)
        {
            case ScalarType scalar:
                return Scalar(value, scalar.Kind, owner, path);
            case MapType map:
                if (value is not JsonObject entries)
                {
                    return Mismatch(value, owner, path, GoType(type));
                }
                return Earliest(entries.Select(entry => entry.Value is null ? null : Value(entry.Value, map.Value, false, owner, path)));
            case MessageType { Schema: var quantity } when quantity == WellKnown.Quantity:
                var text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                return ResourceQuantity.TryParse(text, out _, out var error) ? null : Stop + error;
            case MessageType { Schema.HasCustomJson: true }:
                return null;
            case MessageType message:
                return value is JsonObject nested ? Message(nested, message.Schema, path) : Mismatch(value, owner, path, GoType(type));
            default:
                return null;
        }
    }

    private static string? Scalar(JsonNode value, ScalarKind kind, MessageSchema owner, string path)
    {
        var json = value.GetValueKind();
        switch (kind)
        {
            case ScalarKind.String:
                return json == JsonValueKind.String ? null : Mismatch(value, owner, path, NamedString(owner, path));
            case ScalarKind.Bytes:
                if (json != JsonValueKind.String)
                {
                    return Mismatch(value, owner, path, "[]uint8");
                }
                return GoBase64.CorruptOffset(value.GetValue<string>()) is { } offset ? $"illegal base64 data at input byte {offset}" : null;
            case ScalarKind.Bool:
                return json is JsonValueKind.True or JsonValueKind.False ? null : Mismatch(value, owner, path, "bool");
            default:
                var goType = kind == ScalarKind.Int32 ? "int32" : "int64";
                if (json != JsonValueKind.Number)
                {
                    return Mismatch(value, owner, path, goType);
                }
                var fits = JsonNumbers.TryGetInt64(value, out var number) && (kind == ScalarKind.Int64 || number is >= int.MinValue and <= int.MaxValue);
                return fits ? null : Failure($"number {value.ToJsonString()}", owner, path, goType);
        }
    }

    /// <summary>The first failure of a list's items or a map's values: one that stops decoding, else the first saved.</summary>
    private static string? Earliest(IEnumerable<string?> failures)
    {
        string? first = null;
        foreach (var failure in failures.OfType<string>())
        {
            if (failure[0] == Stop)
            {
                return failure;
            }
            first ??= failure;
        }
        return first;
    }

    /// <summary>The Go string types that have their own name in a decoder message (object and owner UIDs).</summary>
    private static string NamedString(MessageSchema owner, string path) =>
        owner.Name is "meta/v1 ObjectMeta" or "meta/v1 OwnerReference" && path.EndsWith(".uid", StringComparison.Ordinal) ? "types.UID" : "string";

    private static string Mismatch(JsonNode value, MessageSchema owner, string path, string goType) =>
        Failure(value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Array => "array",
            _ => "object",
        }, owner, path, goType);

    private static string Failure(string what, MessageSchema owner, string path, string goType) =>
        $"json: cannot unmarshal {what} into Go struct field {TypeName(owner)}.{path} of type {goType}";

    /// <summary>"core/v1 Container" is the Go type <c>v1.Container</c>.</summary>
    private static string GoType(FieldType type) => type switch
    {
        ScalarType { Kind: ScalarKind.Bytes } => "[]uint8",
        ScalarType scalar => scalar.Kind.ToString().ToLowerInvariant(),
        MapType map => "map[string]" + GoType(map.Value),
        MessageType message => Package(message.Schema) + "." + TypeName(message.Schema),
        _ => type.Describe(),
    };

    private static string TypeName(MessageSchema schema) => schema.Name[(schema.Name.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    private static string Package(MessageSchema schema)
    {
        var package = schema.Name[..Math.Max(0, schema.Name.IndexOf(' ', StringComparison.Ordinal))];
        return package[(package.LastIndexOf('/') + 1)..];
    }
}
