using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.GitOps;

/// <summary>
/// GitOps mode: the change set is written out for a repository instead of being applied. File names depend only
/// on the object's identity, so exporting the same object again overwrites the same file and the Git diff shows
/// exactly what changed. Objects holding sensitive values (<see cref="SensitiveFields"/>: a Secret's data, inline
/// credentials) are refused, since a repository would keep them in plain text; <see cref="Unexportable"/> names them.
/// </summary>
public static class GitOpsExport
{
    /// <summary><c>{namespace|cluster}_{kind}.{group|core}_{name}.yaml</c>, lower case.</summary>
    public static string FileName(ObjectRef reference)
    {
        var slash = reference.ApiVersion.IndexOf('/');
        var group = slash < 0 ? "core" : reference.ApiVersion[..slash];
        var scope = reference.Namespace ?? "cluster";
        return $"{scope}_{reference.Kind}.{group}_{reference.Name}.yaml".ToLowerInvariant();
    }

    /// <summary>
    /// Writes one file per applied object and removes the file of each deleted one. Returns the paths written or removed.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WriteDirectoryAsync(ChangeSet changeSet, string directory, CancellationToken cancellationToken = default)
    {
        ValidateExportable(changeSet);
        Directory.CreateDirectory(directory);
        var touched = new List<string>();
        foreach (var change in changeSet.Changes)
        {
            var path = Path.Combine(directory, FileName(ObjectRef.Of(change.Object)));
            if (change.Action == ChangeAction.Delete)
            {
                File.Delete(path);
            }
            else
            {
                await File.WriteAllTextAsync(path, YamlJson.Serialize(ServerFields.Strip(change.Object)), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            }
            touched.Add(path);
        }
        return touched;
    }

    /// <summary>
    /// One multi-document YAML stream of the applied objects, in change-set order. Deletions cannot be expressed
    /// in a manifest stream; they are listed as comments at the top so a reviewer sees them.
    /// </summary>
    public static string ToStream(ChangeSet changeSet)
    {
        ValidateExportable(changeSet);
        var deletions = changeSet.Changes.Where(c => c.Action == ChangeAction.Delete).Select(c => $"# delete: {ObjectRef.Of(c.Object)}\n");
        var documents = changeSet.Changes.Where(c => c.Action == ChangeAction.Apply).Select(c => (JsonNode?)ServerFields.Strip(c.Object));
        return string.Concat(deletions) + YamlJson.SerializeDocuments(documents);
    }

    /// <summary>
    /// The fields that keep an applied object out of an export: each names the change's index, the field path in
    /// the object (<c>data</c>, <c>spec.basicAuth.users</c>) and what to commit instead. Deletions are never refused.
    /// </summary>
    public static IReadOnlyList<(int Change, string Field, string Reason)> Unexportable(ChangeSet changeSet)
    {
        ArgumentNullException.ThrowIfNull(changeSet);
        var refused = new List<(int, string, string)>();
        for (var i = 0; i < changeSet.Changes.Count; i++)
        {
            var change = changeSet.Changes[i];
            if (change.Action == ChangeAction.Delete)
            {
                continue;
            }
            foreach (var field in SensitiveFields.Of(change.Object))
            {
                if (HoldsValues(change.Object, field.Segments))
                {
                    refused.Add((i, field.Path, field.Advice));
                }
            }
        }
        return refused;
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming every refused field (<c>changes[0].object.data: …</c>).</summary>
    private static void ValidateExportable(ChangeSet changeSet)
    {
        ChangeSetValidation.Validate(changeSet);
        var refused = Unexportable(changeSet);
        if (refused.Count > 0)
        {
            throw new ArgumentException("not exported: " + string.Join("; ", refused.Select(r => $"changes[{r.Change}].object.{r.Field}: {r.Reason}")), nameof(changeSet));
        }
    }

    private static bool HoldsValues(JsonObject obj, IReadOnlyList<string> segments)
    {
        JsonNode? node = obj;
        foreach (var segment in segments)
        {
            node = (node as JsonObject)?[segment];
        }
        return node switch
        {
            null => false,
            JsonObject map => map.Count > 0,
            JsonArray list => list.Count > 0,
            _ => true,
        };
    }
}
