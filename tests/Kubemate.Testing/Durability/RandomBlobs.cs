using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Testing.Durability;

/// <summary>
/// The objects the durability workload writes: Blobs of a CRD whose <c>spec</c> keeps anything, small, nested as
/// deep as the sandbox accepts (<see cref="JsonLimits.MaxDepth"/> counting the object itself), or large.
/// </summary>
public static class RandomBlobs
{
    public const string Group = "durability.kubemate.test";
    public const string Collection = "/apis/" + Group + "/v1/namespaces/default/blobs";

    public static string Definition => """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"blobs.durability.kubemate.test"},
         "spec":{"group":"durability.kubemate.test","scope":"Namespaced","names":{"plural":"blobs","singular":"blob","kind":"Blob","listKind":"BlobList"},
          "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object",
           "properties":{"spec":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}]}}
        """;

    /// <summary>A Blob named <paramref name="name"/> with a random spec; <paramref name="resourceVersion"/> for a replace.</summary>
    public static JsonObject Create(Random random, string name, int largeBytes, string? resourceVersion = null)
    {
        var metadata = new JsonObject { ["name"] = name };
        if (resourceVersion is not null)
        {
            metadata["resourceVersion"] = resourceVersion;
        }
        var roll = random.NextDouble();
        JsonObject spec = roll switch
        {
            < 0.25 => new JsonObject { ["deep"] = Nested(random, random.Next(JsonLimits.MaxDepth / 2, JsonLimits.MaxDepth - 2 + 1)) },
            < 0.40 => new JsonObject { ["large"] = Text(random, random.Next(largeBytes / 4, largeBytes + 1)) },
            _ => new JsonObject { ["n"] = random.Next(), ["text"] = Text(random, random.Next(1, 300)) },
        };
        return new JsonObject { ["apiVersion"] = Group + "/v1", ["kind"] = "Blob", ["metadata"] = metadata, ["spec"] = spec };
    }

    /// <summary>
    /// <paramref name="levels"/> nested objects and arrays around a string. Under <c>metadata</c> and <c>spec</c> the
    /// object nests levels + 2 deep, so levels = MaxDepth − 2 is the deepest object the sandbox accepts.
    /// </summary>
    public static JsonNode Nested(Random random, int levels)
    {
        JsonNode inner = JsonValue.Create(Text(random, 8));
        for (var i = 0; i < levels; i++)
        {
            inner = random.Next(2) == 0 ? new JsonArray(inner) : new JsonObject { [$"k{random.Next(100)}"] = inner };
        }
        return inner;
    }

    private static string Text(Random random, int length)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_äß€";
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(alphabet[random.Next(alphabet.Length)]);
        }
        return text.ToString();
    }
}
