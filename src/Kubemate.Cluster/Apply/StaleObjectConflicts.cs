using System.Text.Json.Nodes;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Apply;

/// <summary>
/// Explains a failed resourceVersion precondition: which fields of the manifest the current object now holds
/// differently, and which managers own them according to its managedFields. Lists are reported whole.
/// </summary>
internal static class StaleObjectConflicts
{
    private static readonly HashSet<string> Identity = ["apiVersion", "kind"];
    private static readonly HashSet<string> MetadataIdentity = ["name", "namespace", "resourceVersion"];

    public static IReadOnlyList<FieldConflict> Build(JsonObject? manifest, JsonObject? current, string? expectedVersion)
    {
        if (current is null)
        {
            return [new FieldConflict(".metadata", "", $"the object was deleted after the preview (resourceVersion {expectedVersion})")];
        }
        var managedFields = (current["metadata"]?["managedFields"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (manifest is null || expectedVersion is null)
        {
            var creator = managedFields.Select(m => (string?)m["manager"]).FirstOrDefault(m => m is not null) ?? "";
            return [new FieldConflict(".metadata", creator, expectedVersion is null
                ? "the object was created by someone else after the preview"
                : "the object was changed after the preview; preview again")];
        }
        var differing = new List<(List<string> Path, JsonNode? Now)>();
        Compare(ServerFields.Strip(manifest), ServerFields.Strip(current), [], differing);
        var conflicts = new List<FieldConflict>();
        foreach (var (path, now) in differing)
        {
            var field = "." + string.Join(".", path);
            var owners = managedFields.Where(m => Owns(m["fieldsV1"] as JsonObject, path)).Select(m => (string?)m["manager"] ?? "").Distinct().ToList();
            var shown = now is null ? "removed" : SensitiveFields.Overlaps(current, path) ? $"now {SensitiveValues.Redacted}" : $"now {now.ToJsonString()}";
            foreach (var owner in owners.DefaultIfEmpty(""))
            {
                conflicts.Add(new FieldConflict(field, owner, $"{field} was changed after the preview ({shown}){(owner.Length > 0 ? $" and is owned by \"{owner}\"" : "")}"));
            }
        }
        if (conflicts.Count == 0)
        {
            var latest = managedFields.OrderByDescending(m => (string?)m["time"], StringComparer.Ordinal).Select(m => (string?)m["manager"]).FirstOrDefault() ?? "";
            conflicts.Add(new FieldConflict(".metadata.resourceVersion", latest,
                $"the object was changed after the preview (resourceVersion {expectedVersion} is stale), though not in a field this change sets; preview again"));
        }
        return conflicts;
    }

    private static void Compare(JsonObject wanted, JsonObject? now, List<string> path, List<(List<string>, JsonNode?)> differing)
    {
        foreach (var (key, value) in wanted)
        {
            if (path.Count == 0 && Identity.Contains(key) || path is ["metadata"] && MetadataIdentity.Contains(key))
            {
                continue;
            }
            var nowValue = now?[key];
            var childPath = new List<string>(path) { key };
            if (value is JsonObject wantedChild && nowValue is JsonObject nowChild)
            {
                Compare(wantedChild, nowChild, childPath, differing);
            }
            else if (!JsonNode.DeepEquals(value, nowValue))
            {
                differing.Add((childPath, nowValue?.DeepClone()));
            }
        }
    }

    // managedFields use the fieldsV1 form: {"f:data":{"f:rps":{}}}; owning a parent's whole list counts as owning the path.
    private static bool Owns(JsonObject? fields, List<string> path)
    {
        var node = fields;
        foreach (var part in path)
        {
            if (node?[$"f:{part}"] is not JsonObject next)
            {
                return false;
            }
            node = next;
        }
        return node is not null;
    }
}
