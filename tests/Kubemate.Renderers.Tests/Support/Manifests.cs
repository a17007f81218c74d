using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Renderers.Tests.Support;

internal static class Manifests
{
    public static IReadOnlyList<JsonObject> Load(string path) =>
        YamlJson.ExpandLists(YamlJson.ParseDocuments(File.ReadAllText(path))).ToList();

    public static IEnumerable<string> TraefikFixtureFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, "traefik"), "*.yml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, "traefik"), "*.yaml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    /// <summary>JSON with object keys sorted, so two objects compare equal whatever their key order.</summary>
    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString() ?? "null";

    public static void AssertSameObjects(IEnumerable<JsonObject> expected, IEnumerable<JsonObject> actual, string context)
    {
        var left = expected.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var right = actual.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var missing = left.Except(right).ToList();
        var extra = right.Except(left).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && left.Count == right.Count,
            $"{context}: objects differ\n--- only in input:\n{string.Join("\n", missing)}\n--- only in output:\n{string.Join("\n", extra)}");
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sorted).ToArray()),
        JsonValue value => JsonNode.Parse(value.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })),
        _ => null,
    };
}
