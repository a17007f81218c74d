using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Testing;

namespace Kubemate.Schema.Tests;

/// <summary>Reads the upstream fixture manifests under <c>tests/upstream/fixtures</c>.</summary>
internal static class FixtureDocuments
{
    public static IEnumerable<string> Files(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Fixtures, folder), "*", SearchOption.AllDirectories)
            .Where(file => extensions.Contains(Path.GetExtension(file)))
            .Select(file => Path.GetRelativePath(RepoPaths.Fixtures, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static IReadOnlyList<JsonObject> Read(string relativePath) => Read(relativePath, text => text);

    public static IReadOnlyList<JsonObject> Read(string relativePath, Func<string, string> prepare) =>
        YamlJson.ExpandLists(YamlJson.ParseDocuments(prepare(File.ReadAllText(Path.Combine(RepoPaths.Fixtures, relativePath))))).ToList();

    /// <summary>Validates the documents whose kind <paramref name="catalog"/> knows; returns their count and the problems as "Kind/name: message".</summary>
    public static (int Validated, List<string> Problems) Validate(SchemaCatalog catalog, string relativePath, Func<string, string>? prepare = null)
    {
        var validated = 0;
        var problems = new List<string>();
        foreach (var document in Read(relativePath, prepare ?? (text => text)))
        {
            var apiVersion = document["apiVersion"]?.ToString() ?? string.Empty;
            var kind = document["kind"]?.ToString() ?? string.Empty;
            if (!catalog.Contains(apiVersion, kind))
            {
                continue;
            }
            validated++;
            var name = document["metadata"]?["name"]?.ToString();
            problems.AddRange(catalog.Validate(document).Select(error => $"{kind}/{name}: {error.Message}"));
        }
        return (validated, problems);
    }
}
