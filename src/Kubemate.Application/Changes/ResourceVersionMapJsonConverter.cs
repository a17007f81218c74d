using System.Text.Json;
using System.Text.Json.Serialization;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Changes;

/// <summary>
/// Writes the resourceVersion map as a list of <c>{"object": {...}, "resourceVersion": "…"}</c>, since JSON
/// object keys can only be strings, and reads it back so a preview can round-trip through a client.
/// </summary>
public sealed class ResourceVersionMapJsonConverter : JsonConverter<IReadOnlyDictionary<ObjectRef, string?>>
{
    public override IReadOnlyDictionary<ObjectRef, string?> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var entries = JsonSerializer.Deserialize<List<Entry>>(ref reader, options)
            ?? throw new JsonException("resourceVersions: expected a list of {object, resourceVersion}");
        var map = new Dictionary<ObjectRef, string?>();
        for (var i = 0; i < entries.Count; i++)
        {
            map[entries[i].Object ?? throw new JsonException($"resourceVersions[{i}].object: required")] = entries[i].ResourceVersion;
        }
        return map;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<ObjectRef, string?> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Select(p => new Entry(p.Key, p.Value)).ToList(), options);

    private sealed record Entry(ObjectRef? Object, string? ResourceVersion);
}
