using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Cluster.Apply;

/// <summary>Objects to create, update or delete together, in order; applied all or nothing.</summary>
public sealed record ChangeSet(IReadOnlyList<Change> Changes)
{
    /// <summary>Every document of a YAML stream (Lists expanded) as an apply change.</summary>
    public static ChangeSet FromYaml(string yaml) =>
        new(YamlJson.ExpandLists(YamlJson.ParseDocuments(yaml)).Select(Change.Apply).ToList());

    public static ChangeSet ApplyAll(IEnumerable<JsonObject> manifests) => new(manifests.Select(Change.Apply).ToList());
}
