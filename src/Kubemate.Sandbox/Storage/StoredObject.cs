using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Sandbox.Storage;

/// <summary>
/// One object as stored at one resource version. Never mutated after it is stored: readers that want to
/// change it clone it first. Its JSON bytes are rendered once and reused by every list and watch.
/// </summary>
public sealed class StoredObject
{
    /// <summary>
    /// Stores a normalised copy: the object is rendered to JSON once and parsed back, so every stored value is
    /// backed by parsed JSON (values built in code behave differently under TryGetValue) and nothing outside
    /// holds a reference into it.
    /// </summary>
    public StoredObject(ObjectKey key, JsonObject obj, long resourceVersion)
    {
        Key = key;
        Json = JsonSerializer.SerializeToUtf8Bytes(obj, JsonLimits.StoredSerializer);
        Object = JsonNode.Parse(Json, documentOptions: JsonLimits.Stored)!.AsObject();
        ResourceVersion = resourceVersion;
    }

    public ObjectKey Key { get; }

    public JsonObject Object { get; }

    public long ResourceVersion { get; }

    public byte[] Json { get; }

    public JsonObject Clone() => (JsonObject)Object.DeepClone();
}

/// <summary>Where an object lives: its resource (<c>group/plural</c>), namespace ("" for cluster scope) and name.</summary>
public readonly record struct ObjectKey(string Resource, string Namespace, string Name)
{
    public override string ToString() => Namespace.Length == 0 ? $"{Resource}/{Name}" : $"{Resource}/{Namespace}/{Name}";
}
