using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Drivers;
using Kubemate.Testing;

namespace Kubemate.Drivers.Tests.Support;

public static class Manifests
{
    public static IReadOnlyList<JsonObject> LoadFixture(string relativePath, Func<string, string>? edit = null)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Fixtures, relativePath));
        return [.. YamlJson.ExpandLists(YamlJson.ParseDocuments(edit is null ? text : edit(text)))];
    }

    /// <summary>Asserts two object sets hold the same objects, in any order and with any key order, showing the first difference as YAML.</summary>
    public static void AssertSameObjects(IEnumerable<JsonObject> expected, IEnumerable<JsonObject> actual)
    {
        var expectedById = expected.ToDictionary(ObjectIdentity.Of);
        var actualById = actual.ToDictionary(ObjectIdentity.Of);
        Assert.Equal(expectedById.Keys.Order(StringComparer.Ordinal), actualById.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, obj) in expectedById)
        {
            if (!JsonNode.DeepEquals(obj, actualById[id]))
            {
                Assert.Equal(YamlJson.Serialize(Sorted(obj)), YamlJson.Serialize(Sorted(actualById[id])));
            }
        }
    }

    /// <summary>A copy with object keys sorted, so YAML of equal objects is equal text.</summary>
    public static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Sorted)]),
        _ => node?.DeepClone(),
    };
}
