using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Cluster.Apply;
using Kubemate.Host.Problems;

namespace Kubemate.Host.Api;

/// <summary>
/// Reads a change set from the bound <c>yaml</c> or <c>objects</c> plus optional <c>deletes</c>, checking each
/// object's identity before any call.
/// Field paths in errors are <c>yaml[i]…</c> (document i), <c>objects[i]…</c> or <c>deletes[i]…</c>.
/// </summary>
public static class ChangeSetRequest
{
    /// <summary>The changes and, for each, the field path prefix that names it in errors.</summary>
    public sealed record Parsed(ChangeSet ChangeSet, IReadOnlyList<string> Paths);

    public static Parsed? Read(string? yaml, IReadOnlyList<JsonObject?>? objects, IReadOnlyList<DeleteTarget?>? deletes, RequestErrors errors)
    {
        var changes = new List<Change>();
        var paths = new List<string>();
        if (yaml is not null && objects is not null)
        {
            errors.Add("yaml", "send either yaml or objects, not both");
            return null;
        }
        if (yaml is not null)
        {
            IReadOnlyList<JsonObject> documents;
            try
            {
                documents = YamlJson.ExpandLists(YamlJson.ParseDocuments(yaml)).ToList();
            }
            catch (Exception error) when (error is YamlFormatException or JsonException or FormatException or InvalidOperationException)
            {
                errors.Add("yaml", error.Message);
                return null;
            }
            for (var i = 0; i < documents.Count; i++)
            {
                AddApply(documents[i], $"yaml[{i}]", changes, paths, errors);
            }
        }
        else if (objects is not null)
        {
            for (var i = 0; i < objects.Count; i++)
            {
                if (objects[i] is { } obj)
                {
                    AddApply((JsonObject)obj.DeepClone(), $"objects[{i}]", changes, paths, errors);
                }
                else
                {
                    errors.Add($"objects[{i}]", "must be a Kubernetes object (a JSON object)");
                }
            }
        }
        ReadDeletes(deletes, changes, paths, errors);
        if (!errors.Any && changes.Count == 0)
        {
            errors.Add(yaml is not null ? "yaml" : "objects", "is required: the change set has no objects");
        }
        if (!errors.Any)
        {
            var duplicate = changes.Select((c, i) => (Key: Identity(c.Object), Path: paths[i])).GroupBy(x => x.Key).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
            {
                errors.Add(duplicate.Last().Path, $"the same object as {duplicate.First().Path}; list each object once");
            }
        }
        return errors.Any ? null : new Parsed(new ChangeSet(changes), paths);
    }

    private static void AddApply(JsonObject obj, string path, List<Change> changes, List<string> paths, RequestErrors errors)
    {
        if (CheckIdentity(obj, path, errors))
        {
            changes.Add(Change.Apply(obj));
            paths.Add(path);
        }
    }

    private static void ReadDeletes(IReadOnlyList<DeleteTarget?>? deletes, List<Change> changes, List<string> paths, RequestErrors errors)
    {
        for (var i = 0; i < (deletes?.Count ?? 0); i++)
        {
            var path = $"deletes[{i}]";
            if (deletes![i] is not { } d)
            {
                errors.Add(path, "must be an object {apiVersion, kind, namespace, name}");
                continue;
            }
            var before = errors.Count;
            if (string.IsNullOrEmpty(d.ApiVersion))
            {
                errors.Add($"{path}.apiVersion", "is required");
            }
            if (string.IsNullOrEmpty(d.Kind))
            {
                errors.Add($"{path}.kind", "is required");
            }
            KubernetesNames.CheckSubdomain(d.Name, $"{path}.name", errors);
            if (d.Namespace is not null)
            {
                KubernetesNames.CheckLabel(d.Namespace, $"{path}.namespace", errors);
            }
            if (errors.Count > before)
            {
                continue;
            }
            var metadata = new JsonObject { ["name"] = d.Name };
            if (d.Namespace is not null)
            {
                metadata["namespace"] = d.Namespace;
            }
            changes.Add(Change.Delete(new JsonObject { ["apiVersion"] = d.ApiVersion, ["kind"] = d.Kind, ["metadata"] = metadata }));
            paths.Add(path);
        }
    }

    private static bool CheckIdentity(JsonObject obj, string path, RequestErrors errors)
    {
        var apiVersion = Required(obj, "apiVersion", $"{path}.apiVersion", errors);
        var ok = apiVersion is not null;
        var kind = Required(obj, "kind", $"{path}.kind", errors);
        ok &= kind is not null;
        if (obj["metadata"] is not JsonObject metadata)
        {
            errors.Add($"{path}.metadata", obj["metadata"] is null ? "is required" : "must be an object");
            return false;
        }
        var name = Text(metadata, "name", $"{path}.metadata.name", errors);
        ok &= KubernetesNames.CheckObjectName(apiVersion, kind, name, $"{path}.metadata.name", errors);
        if (metadata["namespace"] is not null)
        {
            var ns = Text(metadata, "namespace", $"{path}.metadata.namespace", errors);
            ok &= ns is not null && KubernetesNames.CheckLabel(ns, $"{path}.metadata.namespace", errors);
        }
        return ok;
    }

    private static string? Required(JsonObject obj, string field, string path, RequestErrors errors)
    {
        if (obj[field] is null)
        {
            errors.Add(path, "is required");
            return null;
        }
        var value = Text(obj, field, path, errors);
        if (value is "")
        {
            errors.Add(path, "is required");
            return null;
        }
        return value;
    }

    /// <summary>A string member of a Kubernetes object, or null when absent; a non-string is an error.</summary>
    private static string? Text(JsonObject obj, string field, string path, RequestErrors errors)
    {
        var value = obj[field];
        if (value is null)
        {
            return null;
        }
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }
        errors.Add(path, "must be a string");
        return null;
    }

    private static string Identity(JsonObject obj) =>
        $"{(string?)obj["apiVersion"]}|{(string?)obj["kind"]}|{(string?)obj["metadata"]?["namespace"]}|{(string?)obj["metadata"]?["name"]}";
}
