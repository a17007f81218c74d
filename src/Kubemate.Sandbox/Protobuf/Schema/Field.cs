namespace Kubemate.Sandbox.Protobuf.Schema;

/// <summary>Short constructors for the declarative type tables.</summary>
public static class Field
{
    public static ProtoField String(int number, string json, Presence presence = Presence.OmitZero) =>
        new(number, json, FieldType.String, presence);

    public static ProtoField Bytes(int number, string json, Presence presence = Presence.OmitZero) =>
        new(number, json, FieldType.Bytes, presence);

    public static ProtoField Int32(int number, string json, Presence presence = Presence.OmitZero) =>
        new(number, json, FieldType.Int32, presence);

    public static ProtoField Int64(int number, string json, Presence presence = Presence.OmitZero) =>
        new(number, json, FieldType.Int64, presence);

    public static ProtoField Bool(int number, string json, Presence presence = Presence.OmitZero) =>
        new(number, json, FieldType.Bool, presence);

    public static ProtoField Message(int number, string json, MessageSchema schema, Presence presence = Presence.AsSent) =>
        new(number, json, new MessageType(schema), presence);

    /// <summary>An embedded struct whose fields JSON flattens into the parent.</summary>
    public static ProtoField Inline(int number, MessageSchema schema) =>
        new(number, "", new MessageType(schema), Presence.AsSent, Inline: true);

    public static ProtoField Strings(int number, string json, Presence presence = Presence.AsSent) =>
        new(number, json, FieldType.String, presence, Repeated: true);

    /// <summary>Repeated int64, accepted packed or unpacked as protobuf parsers must.</summary>
    public static ProtoField Int64s(int number, string json, Presence presence = Presence.AsSent) =>
        new(number, json, FieldType.Int64, presence, Repeated: true);

    public static ProtoField Messages(int number, string json, MessageSchema schema, Presence presence = Presence.AsSent) =>
        new(number, json, new MessageType(schema), presence, Repeated: true);

    public static ProtoField StringMap(int number, string json, Presence presence = Presence.AsSent) =>
        new(number, json, new MapType(FieldType.String), presence);

    /// <summary><c>map&lt;string, bytes&gt;</c>, as Secret.data and ConfigMap.binaryData: values become base64 strings.</summary>
    public static ProtoField BytesMap(int number, string json, Presence presence = Presence.AsSent) =>
        new(number, json, new MapType(FieldType.Bytes), presence);

    public static ProtoField MessageMap(int number, string json, MessageSchema value, Presence presence = Presence.AsSent) =>
        new(number, json, new MapType(new MessageType(value)), presence);

    /// <summary>Declares a field that exists in Kubernetes but is not decoded, so the error names it instead of a bare number.</summary>
    public static ProtoField Unsupported(int number, string json) =>
        new(number, json, UnsupportedType.Instance, Presence.AsSent);
}
