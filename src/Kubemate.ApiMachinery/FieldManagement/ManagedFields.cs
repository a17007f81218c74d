using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Reads and writes <c>metadata.managedFields</c>.</summary>
public static class ManagedFields
{
    /// <summary>
    /// The entries of an object, entries with the same identity (manager, operation, subresource, and API version
    /// for Update) merged into one. An object without managedFields has none.
    /// </summary>
    /// <exception cref="FieldManagementException">an entry is not valid; the message names it.</exception>
    public static IReadOnlyList<ManagedFieldsEntry> Read(JsonObject obj)
    {
        if (obj["metadata"] is not JsonObject metadata || !metadata.TryGetPropertyValue("managedFields", out var node) || node is null)
        {
            return [];
        }
        if (node is not JsonArray array)
        {
            throw new FieldManagementException("metadata.managedFields", "must be a list");
        }
        var entries = array.Select((entry, i) => ManagedFieldsEntry.FromJson(entry, $"metadata.managedFields[{i}]"));
        return Normalize(entries);
    }

    /// <summary>
    /// Writes the entries into <c>metadata.managedFields</c> in the apiserver's order (Apply before Update, then
    /// oldest first, then by manager, API version and subresource). Same-identity entries are merged, entries
    /// with no fields dropped; with none left the field is removed.
    /// </summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        var normalized = Normalize(entries);
        if (normalized.Count == 0)
        {
            if (obj["metadata"] is JsonObject existing)
            {
                existing.Remove("managedFields");
            }
            return;
        }
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }
        metadata["managedFields"] = new JsonArray([.. normalized.Select(e => (JsonNode)e.ToJson())]);
    }

    /// <summary>A copy of the object without <c>metadata.managedFields</c>.</summary>
    public static JsonObject Without(JsonObject obj)
    {
        var copy = (JsonObject)obj.DeepClone();
        if (copy["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
        }
        return copy;
    }

    /// <summary>
    /// The request asks to clear managedFields: it sets them to an empty list, or to a list of one empty entry
    /// (<c>[{}]</c>), which is how users reset ownership on a real cluster.
    /// </summary>
    public static bool IsResetRequest(JsonObject obj) =>
        obj["metadata"] is JsonObject metadata
        && metadata.TryGetPropertyValue("managedFields", out var node)
        && node is JsonArray array
        && (array.Count == 0 || (array.Count == 1 && array[0] is JsonObject { Count: 0 }));

    internal static List<ManagedFieldsEntry> Normalize(IEnumerable<ManagedFieldsEntry> entries)
    {
        var merged = new Dictionary<ManagerKey, ManagedFieldsEntry>();
        foreach (var entry in entries)
        {
            merged[entry.Key] = merged.TryGetValue(entry.Key, out var previous)
                ? previous with { Fields = previous.Fields.Union(entry.Fields), Time = Later(previous.Time, entry.Time) }
                : entry;
        }
        return merged.Values
            .Where(e => !e.Fields.IsEmpty)
            .OrderBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time?.ToUnixTimeSeconds() ?? 0)
            .ThenBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? "", StringComparer.Ordinal)
            .ToList();
    }

    private static DateTimeOffset? Later(DateTimeOffset? left, DateTimeOffset? right) =>
        left is null ? right : right is null ? left : left > right ? left : right;
}
