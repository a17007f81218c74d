using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Tests.Injection;

/// <summary>
/// Every difference between two JSON trees as readable lines with field paths. Arrays whose items all carry a
/// <c>name</c> (containers, env, ports, volumes) are matched by name, and their order is compared separately.
/// </summary>
internal static class JsonDifferences
{
    public static List<string> Between(JsonNode? expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare("", expected, actual, differences);
        return differences;
    }

    private static void Compare(string path, JsonNode? expected, JsonNode? actual, List<string> differences)
    {
        switch (expected, actual)
        {
            case (null, null):
                return;
            case (null, _):
                differences.Add($"{path}: unexpected {actual!.ToJsonString()}");
                return;
            case (_, null):
                differences.Add($"{path}: missing (expected {expected.ToJsonString()})");
                return;
            case (JsonObject e, JsonObject a):
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    Compare(Member(path, key), e[key], a[key], differences);
                }
                return;
            case (JsonArray e, JsonArray a) when IsNamedList(e) && IsNamedList(a):
                var expectedNames = e.Select(Name).ToList();
                var actualNames = a.Select(Name).ToList();
                foreach (var name in expectedNames.Union(actualNames))
                {
                    Compare($"{path}[{name}]", e.FirstOrDefault(i => Name(i) == name), a.FirstOrDefault(i => Name(i) == name), differences);
                }
                if (expectedNames.Intersect(actualNames).Count() == expectedNames.Count && expectedNames.Count == actualNames.Count && !expectedNames.SequenceEqual(actualNames))
                {
                    differences.Add($"{path}: order [{string.Join(", ", actualNames)}], expected [{string.Join(", ", expectedNames)}]");
                }
                return;
            case (JsonArray e, JsonArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                {
                    Compare($"{path}[{i}]", i < e.Count ? e[i] : null, i < a.Count ? a[i] : null, differences);
                }
                return;
            default:
                if (expected.ToJsonString() != actual.ToJsonString())
                {
                    differences.Add($"{path}: expected {expected.ToJsonString()} but was {actual.ToJsonString()}");
                }
                return;
        }
    }

    private static bool IsNamedList(JsonArray array) =>
        array.Count > 0 && array.All(i => i is JsonObject o && o["name"] is JsonValue) && array.Select(Name).Distinct().Count() == array.Count;

    private static string Name(JsonNode? item) => item!["name"]!.ToString();

    private static string Member(string path, string key) =>
        key.Contains('.') || key.Contains('/') ? $"{path}[\"{key}\"]" : path.Length == 0 ? key : $"{path}.{key}";
}
