using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Tests.Patching;

/// <summary>Compares JSON documents ignoring member order (list order still counts), with a readable failure.</summary>
internal static class JsonAssert
{
    public static void Equal(string expectedJson, JsonNode? actual) =>
        Assert.Equal(Canonical(JsonNode.Parse(expectedJson)), Canonical(actual));

    public static void Equal(JsonNode? expected, JsonNode? actual) =>
        Assert.Equal(Canonical(expected), Canonical(actual));

    public static JsonObject Object(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(member => member.Key, StringComparer.Ordinal)
            .Select(member => KeyValuePair.Create(member.Key, Sorted(member.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        _ => node?.DeepClone(),
    };
}
