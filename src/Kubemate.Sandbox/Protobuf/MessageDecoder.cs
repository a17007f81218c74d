using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Protobuf.Schema;
using Kubemate.Sandbox.Protobuf.Wire;

namespace Kubemate.Sandbox.Protobuf;

/// <summary>
/// Turns one protobuf message into the JSON Go's encoder would write for the same object, guided by a
/// <see cref="MessageSchema"/>. A field number the schema does not know is an error, never silently dropped.
/// </summary>
public static class MessageDecoder
{
    /// <summary>Decodes one message; malformed data or a field the schema lacks is a <see cref="FormatException"/> naming the field path.</summary>
    public static JsonNode? Decode(ReadOnlySpan<byte> data, MessageSchema schema)
    {
        try
        {
            return Decode(data, schema, "");
        }
        catch (DecodeException ex)
        {
            throw new FormatException(ex.Message);
        }
    }

    private static JsonNode? Decode(ReadOnlySpan<byte> data, MessageSchema schema, string path)
    {
        var values = new Dictionary<ProtoField, JsonNode?>();
        Dictionary<ProtoField, byte[]>? seenMessages = null;
        var reader = new WireReader(data);
        while (!reader.AtEnd)
        {
            var (number, wireType) = ReadTag(ref reader, schema, path);
            var field = schema.Find(number) ?? throw Error(path, schema,
                $"unknown field number {number} (wire type {wireType}); it is not among the Kubernetes 1.32 fields this decoder knows, send the object as application/json instead");
            var fieldPath = field.Inline ? path : Join(path, field.JsonName);
            try
            {
                if (field.Type is UnsupportedType)
                {
                    throw Error(path, schema, $"field {field.JsonName} (number {field.Number}) is not supported by this decoder; send the object as application/json instead");
                }
                if (field.Repeated)
                {
                    ReadRepeated(ref reader, wireType, field, values, fieldPath, schema);
                }
                else if (field.Type is MapType map)
                {
                    Expect(wireType, field, path, schema);
                    var entries = values.TryGetValue(field, out var existing) ? (JsonObject)existing! : [];
                    ReadMapEntry(reader.ReadLengthDelimited(), map, entries, fieldPath);
                    values[field] = entries;
                }
                else if (field.Type is MessageType message)
                {
                    Expect(wireType, field, path, schema);
                    var bytes = reader.ReadLengthDelimited();
                    // A singular message seen twice is merged; decoding the concatenated encodings is exactly that merge.
                    seenMessages ??= [];
                    var merged = seenMessages.TryGetValue(field, out var earlier) ? [.. earlier, .. bytes] : bytes.ToArray();
                    seenMessages[field] = merged;
                    values[field] = Decode(merged, message.Schema, fieldPath);
                }
                else
                {
                    Expect(wireType, field, path, schema);
                    var value = ReadScalar(ref reader, (ScalarType)field.Type, out var isZero);
                    if (isZero && field.Presence == Presence.OmitZero)
                    {
                        values.Remove(field);
                    }
                    else
                    {
                        values[field] = value;
                    }
                }
            }
            catch (FormatException ex) when (ex is not DecodeException)
            {
                throw Error(fieldPath, schema, ex.Message);
            }
        }
        return schema.ToJson(Assemble(schema, values));
    }

    private static (int, WireType) ReadTag(ref WireReader reader, MessageSchema schema, string path)
    {
        try
        {
            return reader.ReadTag();
        }
        catch (FormatException ex) when (ex is not DecodeException)
        {
            throw Error(path, schema, ex.Message);
        }
    }

    private static void ReadRepeated(ref WireReader reader, WireType wireType, ProtoField field, Dictionary<ProtoField, JsonNode?> values, string path, MessageSchema schema)
    {
        var items = values.TryGetValue(field, out var existing) ? (JsonArray)existing! : [];
        values[field] = items;
        switch (field.Type)
        {
            case ScalarType { IsNumeric: true } numeric when wireType == WireType.LengthDelimited:
                var packed = new WireReader(reader.ReadLengthDelimited());
                while (!packed.AtEnd)
                {
                    items.Add(ReadScalar(ref packed, numeric, out _));
                }
                break;
            case ScalarType scalar:
                Expect(wireType, field, path, schema);
                items.Add(ReadScalar(ref reader, scalar, out _));
                break;
            case MessageType message:
                Expect(wireType, field, path, schema);
                items.Add(Decode(reader.ReadLengthDelimited(), message.Schema, $"{path}[{items.Count}]"));
                break;
            default:
                throw Error(path, schema, $"repeated {field.Type.Describe()} is not a valid field type");
        }
    }

    private static void ReadMapEntry(ReadOnlySpan<byte> entry, MapType map, JsonObject entries, string path)
    {
        var key = "";
        JsonNode? value = null;
        var hasValue = false;
        var reader = new WireReader(entry);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (number == 1 && wireType == WireType.LengthDelimited)
            {
                key = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            }
            else if (number == 2 && wireType == map.Value.WireType)
            {
                value = ReadMapValue(ref reader, map.Value, $"{path}[{key}]");
                hasValue = true;
            }
            else
            {
                throw new FormatException($"map entry field {number} with wire type {wireType} is not a {map.Describe()} key or value");
            }
        }
        entries[key] = hasValue ? value : ZeroOf(map.Value, $"{path}[{key}]");
    }

    private static JsonNode? ReadMapValue(ref WireReader reader, FieldType type, string path) => type switch
    {
        ScalarType scalar => ReadScalar(ref reader, scalar, out _),
        MessageType message => Decode(reader.ReadLengthDelimited(), message.Schema, path),
        _ => throw new FormatException($"{type.Describe()} cannot be a map value"),
    };

    private static JsonNode? ZeroOf(FieldType type, string path) => type switch
    {
        ScalarType { Kind: ScalarKind.String or ScalarKind.Bytes } => JsonValue.Create(""),
        ScalarType { Kind: ScalarKind.Bool } => JsonValue.Create(false),
        ScalarType => JsonValue.Create(0),
        MessageType message => Decode([], message.Schema, path),
        _ => null,
    };

    private static JsonValue ReadScalar(ref WireReader reader, ScalarType type, out bool isZero)
    {
        switch (type.Kind)
        {
            case ScalarKind.String:
                var text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
                isZero = text.Length == 0;
                return JsonValue.Create(text);
            case ScalarKind.Bytes:
                var bytes = reader.ReadLengthDelimited();
                isZero = bytes.IsEmpty;
                return JsonValue.Create(Convert.ToBase64String(bytes));
            case ScalarKind.Int32:
                var int32 = reader.ReadInt32();
                isZero = int32 == 0;
                return JsonValue.Create(int32);
            case ScalarKind.Int64:
                var int64 = reader.ReadInt64();
                isZero = int64 == 0;
                return JsonValue.Create(int64);
            case ScalarKind.Bool:
                var flag = reader.ReadBool();
                isZero = !flag;
                return JsonValue.Create(flag);
            default:
                throw new FormatException($"unsupported scalar kind {type.Kind}");
        }
    }

    /// <summary>Lays the decoded values out in Go struct order, applying each field's JSON presence rule.</summary>
    private static JsonObject Assemble(MessageSchema schema, Dictionary<ProtoField, JsonNode?> values)
    {
        var result = new JsonObject();
        foreach (var field in schema.Fields)
        {
            if (!values.TryGetValue(field, out var value))
            {
                if (field.Presence == Presence.Always && !field.Inline)
                {
                    result[field.JsonName] = null;
                }
                continue;
            }
            if (field.Inline)
            {
                var embedded = (JsonObject)value!;
                var properties = embedded.ToList();
                embedded.Clear();
                foreach (var (name, node) in properties)
                {
                    result[name] = node;
                }
                continue;
            }
            result[field.JsonName] = value;
        }
        return result;
    }

    private static void Expect(WireType actual, ProtoField field, string path, MessageSchema schema)
    {
        if (actual != field.Type.WireType)
        {
            throw Error(path, schema, $"field {field.JsonName} (number {field.Number}) is a {field.Type.Describe()} and cannot have wire type {actual}");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static DecodeException Error(string path, MessageSchema schema, string detail) =>
        new(path.Length == 0 ? $"{schema.Name}: {detail}" : $"{path} ({schema.Name}): {detail}");

    /// <summary>An error that already names where it happened, so enclosing messages pass it on unchanged.</summary>
    private sealed class DecodeException(string message) : FormatException(message);
}
