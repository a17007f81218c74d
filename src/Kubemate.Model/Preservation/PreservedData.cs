using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Kubemate.Model.Preservation;

/// <summary>
/// What a driver read but the mesh-neutral model does not express, kept verbatim so rendering can put it back:
/// per driver family (<c>linkerd</c>, <c>istio</c>) a <c>hints</c> object (which of several equivalent shapes the
/// source used) and an <c>objects</c> object of residues keyed by object identity (see <see cref="Residue"/>).
/// Other drivers ignore a family they do not own. Immutable: readers get copies.
/// </summary>
[JsonConverter(typeof(PreservedDataJsonConverter))]
public sealed class PreservedData : IEquatable<PreservedData>
{
    private readonly JsonObject _root;

    public PreservedData(JsonObject root) => _root = (JsonObject)root.DeepClone();

    public bool IsEmpty => _root.Count == 0;

    /// <summary>A copy of the whole preserved tree.</summary>
    public JsonObject ToJson() => (JsonObject)_root.DeepClone();

    /// <summary>The hints a driver family recorded (a copy; empty when none).</summary>
    public JsonObject Hints(string family) => Section(family, "hints");

    /// <summary>The residues a driver family recorded, keyed by object identity (a copy; empty when none).</summary>
    public JsonObject Residues(string family) => Section(family, "objects");

    private JsonObject Section(string family, string section) =>
        _root[family]?[section] is JsonObject found ? (JsonObject)found.DeepClone() : [];

    /// <summary>Builds preserved data for one family; returns null when there is nothing to keep.</summary>
    public static PreservedData? For(string family, JsonObject? hints, JsonObject? residues)
    {
        var section = new JsonObject();
        if (hints is { Count: > 0 })
        {
            section["hints"] = hints.DeepClone();
        }
        if (residues is { Count: > 0 })
        {
            section["objects"] = residues.DeepClone();
        }
        return section.Count == 0 ? null : new PreservedData(new JsonObject { [family] = section });
    }

    /// <summary>Replaces one family's section, keeping other families' data.</summary>
    public static PreservedData? Replace(PreservedData? existing, string family, PreservedData? replacement)
    {
        var root = existing?.ToJson() ?? [];
        root.Remove(family);
        if (replacement?._root[family] is JsonNode section)
        {
            root[family] = section.DeepClone();
        }
        return root.Count == 0 ? null : new PreservedData(root);
    }

    public bool Equals(PreservedData? other) => other is not null && JsonNode.DeepEquals(_root, other._root);

    public override bool Equals(object? obj) => obj is PreservedData other && Equals(other);

    public override int GetHashCode() => _root.Count;

    public override string ToString() => _root.ToJsonString();
}

public sealed class PreservedDataJsonConverter : JsonConverter<PreservedData>
{
    public override PreservedData? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var node = JsonNode.Parse(ref reader);
        return node switch
        {
            null => null,
            JsonObject obj => obj.Count == 0 ? null : new PreservedData(obj),
            _ => throw new JsonException("preserved: expected an object"),
        };
    }

    public override void Write(Utf8JsonWriter writer, PreservedData value, JsonSerializerOptions options) =>
        value.ToJson().WriteTo(writer);
}
