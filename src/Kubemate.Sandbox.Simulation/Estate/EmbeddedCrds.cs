using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>The upstream CRD files embedded in this assembly (see Estate/Crds/SOURCES.md), unmodified.</summary>
public static class EmbeddedCrds
{
    private const string Prefix = "crds/";

    /// <summary>The embedded files by their path under Estate/Crds, e.g. <c>traefik/kubernetes-crd-definition-v1.yml</c>.</summary>
    public static IReadOnlyList<string> Files { get; } = typeof(EmbeddedCrds).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Read(string file)
    {
        using var stream = typeof(EmbeddedCrds).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new FileNotFoundException($"no embedded CRD file {file}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every CustomResourceDefinition of every embedded file, in file order (files parsed in parallel: 3 MB of YAML).</summary>
    public static IEnumerable<(string File, JsonObject Crd)> All() =>
        Files.AsParallel().AsOrdered()
            .Select(file => (File: file, Documents: YamlJson.ExpandLists(YamlJson.ParseDocuments(Read(file))).ToList()))
            .ToList()
            .SelectMany(parsed => parsed.Documents
                .Where(doc => doc.GetString("kind") == "CustomResourceDefinition")
                .Select(doc => (parsed.File, doc)));
}
