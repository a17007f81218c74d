using System.Text.Json.Nodes;
using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>apimachinery value types whose JSON is not an object: resource.Quantity, intstr.IntOrString, ExtraValue-style string lists.</summary>
public static class WellKnown
{
    /// <summary>A quantity travels as its canonical string ("500m", "1Gi") and is that string in JSON.</summary>
    public static readonly MessageSchema Quantity = new("resource Quantity",
    [
        Field.String(1, "string", AsSent),
    ], decoded => decoded["string"]?.GetValue<string>() is { Length: > 0 } text ? text : "0");

    /// <summary>type 0 is the int, 1 the string; JSON is a bare number or string.</summary>
    public static readonly MessageSchema IntOrString = new("intstr IntOrString",
    [
        Field.Int64(1, "type", AsSent),
        Field.Int32(2, "intVal", AsSent),
        Field.String(3, "strVal", AsSent),
    ], IntOrStringToJson);

    /// <summary>ExtraValue-style wrappers: a message holding only <c>repeated string items = 1</c>, whose JSON is the bare list.</summary>
    internal static JsonNode? ListItems(JsonObject decoded)
    {
        var items = decoded["items"];
        decoded.Remove("items");
        return items;
    }

    internal static long Int64(JsonObject decoded, string name) => decoded[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var int64) => int64,
        JsonValue value when value.TryGetValue<int>(out var int32) => int32,
        _ => 0,
    };

    private static JsonNode? IntOrStringToJson(JsonObject decoded) => Int64(decoded, "type") switch
    {
        0 => JsonValue.Create((int)Int64(decoded, "intVal")),
        1 => JsonValue.Create(decoded["strVal"]?.GetValue<string>() ?? ""),
        var other => throw new FormatException($"IntOrString type {other} is neither 0 (int) nor 1 (string)"),
    };
}
