using System.Text.Json.Nodes;

namespace Kubemate.Application.Canary.Traffic;

/// <summary>
/// Whether a live object already holds every field a manifest sets. The server adds defaults (a backendRef's kind,
/// a rule's path match), so equality would call every live object changed; a manifest's fields must be there, with
/// its values, and lists must match item by item.
/// </summary>
public static class AppliedFields
{
    public static bool Holds(JsonNode? live, JsonNode? wanted) => (live, wanted) switch
    {
        (_, null) => true,
        (JsonObject liveObject, JsonObject wantedObject) => wantedObject.All(field => liveObject.TryGetPropertyValue(field.Key, out var value) && Holds(value, field.Value)),
        (JsonArray liveArray, JsonArray wantedArray) => liveArray.Count == wantedArray.Count && liveArray.Zip(wantedArray).All(pair => Holds(pair.First, pair.Second)),
        _ => JsonNode.DeepEquals(live, wanted),
    };
}
