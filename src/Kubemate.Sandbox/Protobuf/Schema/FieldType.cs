using Kubemate.Sandbox.Protobuf.Wire;

namespace Kubemate.Sandbox.Protobuf.Schema;

public enum ScalarKind
{
    String,

    /// <summary>Raw bytes, written to JSON as base64 the way Go's encoder writes <c>[]byte</c>.</summary>
    Bytes,
    Int32,
    Int64,
    Bool,
}

/// <summary>The type of a field's value (one element of it, for repeated fields).</summary>
public abstract record FieldType
{
    public static readonly FieldType String = new ScalarType(ScalarKind.String);
    public static readonly FieldType Bytes = new ScalarType(ScalarKind.Bytes);
    public static readonly FieldType Int32 = new ScalarType(ScalarKind.Int32);
    public static readonly FieldType Int64 = new ScalarType(ScalarKind.Int64);
    public static readonly FieldType Bool = new ScalarType(ScalarKind.Bool);

    public abstract WireType WireType { get; }

    public abstract string Describe();
}

public sealed record ScalarType(ScalarKind Kind) : FieldType
{
    public override WireType WireType =>
        Kind is ScalarKind.String or ScalarKind.Bytes ? WireType.LengthDelimited : WireType.Varint;

    public bool IsNumeric => WireType == WireType.Varint;

    public override string Describe() => Kind.ToString().ToLowerInvariant();
}

public sealed record MessageType : FieldType
{
    public MessageType(MessageSchema schema) =>
        Schema = schema ?? throw new ArgumentNullException(nameof(schema), "a message schema was referenced before it was declared");

    public MessageSchema Schema { get; }

    public override WireType WireType => WireType.LengthDelimited;

    public override string Describe() => Schema.Name;
}

/// <summary>A protobuf <c>map&lt;string, V&gt;</c>: repeated entries with key = 1 and value = 2, a JSON object.</summary>
public sealed record MapType(FieldType Value) : FieldType
{
    public override WireType WireType => WireType.LengthDelimited;

    public override string Describe() => $"map<string, {Value.Describe()}>";
}

/// <summary>A real Kubernetes field this decoder does not translate; meeting it is an error that names the field.</summary>
public sealed record UnsupportedType : FieldType
{
    public static readonly UnsupportedType Instance = new();

    public override WireType WireType => WireType.LengthDelimited;

    public override string Describe() => "unsupported field";
}
