using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Apply;

/// <summary>Checks that every change names an object before anything is sent; errors name the field path.</summary>
public static class ChangeSetValidation
{
    public static void Validate(ChangeSet changeSet)
    {
        ArgumentNullException.ThrowIfNull(changeSet);
        var errors = new List<string>();
        for (var i = 0; i < changeSet.Changes.Count; i++)
        {
            var obj = changeSet.Changes[i].Object;
            var path = $"changes[{i}].object";
            RequireString(obj["apiVersion"], $"{path}.apiVersion", errors);
            RequireString(obj["kind"], $"{path}.kind", errors);
            if (obj["metadata"] is not JsonObject metadata)
            {
                errors.Add($"{path}.metadata: required object is missing");
                continue;
            }
            RequireString(metadata["name"], $"{path}.metadata.name", errors);
            if (metadata["namespace"] is { } ns && (ns.GetValueKind() != System.Text.Json.JsonValueKind.String))
            {
                errors.Add($"{path}.metadata.namespace: must be a string");
            }
        }
        var duplicates = changeSet.Changes.Select((c, i) => (Ref: Objects.ObjectRef.Of(c.Object), Index: i))
            .GroupBy(x => x.Ref).Where(g => g.Count() > 1);
        foreach (var duplicate in duplicates)
        {
            errors.Add($"changes[{string.Join(",", duplicate.Select(d => d.Index))}]: the same object {duplicate.Key} appears more than once");
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid change set: " + string.Join("; ", errors), nameof(changeSet));
        }
    }

    private static void RequireString(JsonNode? node, string path, List<string> errors)
    {
        if (node is null)
        {
            errors.Add($"{path}: required");
        }
        else if (node.GetValueKind() != System.Text.Json.JsonValueKind.String || ((string?)node)!.Length == 0)
        {
            errors.Add($"{path}: must be a non-empty string");
        }
    }
}
