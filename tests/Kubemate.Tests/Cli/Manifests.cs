using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Kube;
using Kubemate.Testing;

namespace Kubemate.Tests.Cli;

public static class Manifests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<JsonObject> Parse(string yaml) => [.. YamlJson.ExpandLists(YamlJson.ParseDocuments(yaml))];

    /// <summary>A fixture's text; the dual-stack policy test templates its IPv6 address in before applying, so do the same with a documentation address.</summary>
    public static string FixtureText(string relativePath) =>
        File.ReadAllText(Path.Combine(RepoPaths.Fixtures, relativePath)).Replace("{IPv6}", "2001:db8::1", StringComparison.Ordinal);

    public static IEnumerable<JsonObject> OfKind(IEnumerable<JsonObject> objects, string kind) => objects.Where(o => KubeJson.Kind(o) == kind);

    public static JsonObject Single(IEnumerable<JsonObject> objects, string kind) => Assert.Single(OfKind(objects, kind));

    /// <summary>Asserts both sets hold the same objects, compared as JSON with keys sorted, in any order.</summary>
    public static void AssertSameObjects(IEnumerable<JsonObject> expected, IEnumerable<JsonObject> actual, string context)
    {
        var left = expected.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var right = actual.Select(Canonical).Order(StringComparer.Ordinal).ToList();
        var missing = left.Except(right).ToList();
        var extra = right.Except(left).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0 && left.Count == right.Count,
            $"{context}: objects differ\n--- only in the input:\n{string.Join("\n", missing)}\n--- only in the output:\n{string.Join("\n", extra)}");
    }

    public static string Canonical(JsonNode? node) => Sorted(node)?.ToJsonString(Relaxed) ?? "null";

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
