using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>A field's value in one object, telling an absent field apart from a field set to null.</summary>
internal readonly record struct Slot(bool Present, JsonNode? Value)
{
    public static readonly Slot Absent = new(false, null);

    public static Slot Of(JsonNode? value) => new(true, value);

    public static Slot Field(JsonObject? obj, string name) =>
        obj is not null && obj.TryGetPropertyValue(name, out var value) ? new Slot(true, value) : Absent;

    /// <summary>Object, list or scalar (null counts as none of them).</summary>
    public NodeKind Kind => !Present || Value is null ? NodeKind.None : Value switch
    {
        JsonObject => NodeKind.Object,
        JsonArray => NodeKind.List,
        _ => NodeKind.Scalar,
    };
}

internal enum NodeKind
{
    None,
    Object,
    List,
    Scalar,
}
