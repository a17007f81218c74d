using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Server-side apply (<c>application/apply-patch+yaml</c>) with field ownership, as the apiserver does it.</summary>
public static class ServerSideApply
{
    /// <summary>The manager that receives the fields of an object applied to for the first time while it had no managedFields.</summary>
    public const string BeforeFirstApplyManager = "before-first-apply";

    /// <summary>
    /// Applies <paramref name="config"/> for <paramref name="manager"/>. The configuration is merged into the live
    /// object by the shape (atomic values replaced, set lists unioned, list-maps merged by key); fields the manager
    /// applied last time but no longer applies are removed unless another manager owns them; the manager then owns
    /// exactly the applied fields (operation Apply). A field the apply would change that another manager owns is
    /// a conflict: the result lists them all and nothing changes, unless <paramref name="force"/> takes them over.
    /// </summary>
    /// <param name="live">The stored object with its managedFields, or null to create.</param>
    /// <param name="config">The applied configuration; it must name apiVersion and kind and carry no managedFields.</param>
    /// <param name="now">The request time; the manager's entry gets it when the object changes.</param>
    /// <param name="subresource">The subresource applied through (<c>status</c>), or null.</param>
    /// <exception cref="FieldManagementException">bad request or configuration; the message names the field and the reason.</exception>
    public static ApplyResult Apply(
        JsonObject? live,
        JsonObject config,
        string manager,
        bool force,
        TypeShape shape,
        DateTimeOffset now,
        string? subresource = null)
    {
        FieldManager.ValidateManager(manager, required: true);
        var apiVersion = RequiredString(config, "apiVersion");
        RequiredString(config, "kind");
        if (config["metadata"] is JsonObject configMetadata && configMetadata["managedFields"] is not null)
        {
            throw new FieldManagementException("metadata.managedFields", "must be nil", "metadata.managedFields must be nil");
        }
        shape = StandardObjectShape.Complete(shape);
        now = ManagedFieldsEntry.TruncateToSeconds(now);
        subresource = FieldManager.NullIfEmpty(subresource);

        var liveObject = live is null ? [] : ManagedFields.Without(live);
        var entries = live is null ? [] : ManagedFields.Read(live).ToList();
        if (live is not null && entries.Count == 0)
        {
            entries.AddRange(AttributeToBeforeFirstApply(liveObject, live, apiVersion, shape, now));
        }

        var configFields = ObjectFieldSets.Of(config, shape, rejectDuplicates: true);
        var merged = ApplyMerge.Merge(liveObject, config, shape);
        var key = new ManagerKey(manager, ManagedFieldsOperation.Apply, null, subresource ?? "");
        var previous = entries.FirstOrDefault(e => e.Key.Equals(key));
        var others = entries.Where(e => !e.Key.Equals(key)).ToList();

        var owners = others.Aggregate(configFields, (all, e) => all.Union(e.Fields));
        var applied = previous is null ? merged : Prune(merged, previous.Fields, owners, shape);

        var comparison = ObjectComparison.Compare(liveObject, applied, shape);
        var changed = comparison.Changed;
        var conflicts = others
            .OrderBy(e => e.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Key.ApiVersion ?? "", StringComparer.Ordinal)
            .ThenBy(e => e.Subresource ?? "", StringComparer.Ordinal)
            .SelectMany(e => e.Fields.Intersection(changed).Paths
                .Select(path => new ApplyConflict(path, e.Manager, e.Operation, e.ApiVersion, e.Subresource)))
            .ToList();
        if (conflicts.Count > 0 && !force)
        {
            return new ApplyResult(null, conflicts, Changed: false);
        }

        var taken = changed.Union(comparison.Removed);
        var objectChanged = !JsonValues.DeepEquals(liveObject, applied);
        var result = others.Select(e => e with { Fields = e.Fields.Difference(taken) }).ToList();
        result.Add(new ManagedFieldsEntry(
            manager,
            ManagedFieldsOperation.Apply,
            apiVersion,
            objectChanged ? now : previous?.Time,
            ServerOwnedFields.StripFrom(configFields),
            subresource));

        ManagedFields.Write(applied, UpdateManagerCap.Apply(ManagedFields.Normalize(result)));
        return new ApplyResult(applied, [], Changed: live is null || !JsonValues.DeepEquals(live, applied));
    }

    /// <summary>
    /// Removes what the manager applied last time and no longer applies, unless some manager (this one's new
    /// configuration included) still owns it. A struct left with nothing owned in it goes whole; fields nobody
    /// ever owned (defaults, status) stay.
    /// </summary>
    private static JsonObject Prune(JsonObject merged, FieldSet lastApplied, FieldSet owned, TypeShape shape)
    {
        var last = lastApplied.WithNamedFieldsAsMembers(shape);
        var mergedFields = FieldsOf(merged, shape);
        var withoutLast = FieldRemoval.Remove(merged, last, shape);
        var unowned = mergedFields.Difference(FieldsOf(withoutLast, shape).Union(owned.WithNamedFieldsAsMembers(shape)));
        var withoutUnowned = FieldRemoval.Remove(merged, unowned, shape);
        var disowned = mergedFields.Difference(FieldsOf(withoutUnowned, shape)).Intersection(last);
        return FieldRemoval.Remove(merged, disowned, shape);
    }

    private static FieldSet FieldsOf(JsonObject obj, TypeShape shape) =>
        ObjectFieldSets.Of(obj, shape, rejectDuplicates: false).WithNamedFieldsAsMembers(shape);

    // An object applied to while it has no managedFields (they were cleared) first has all its fields recorded
    // for "before-first-apply", so the apply can conflict with them like with any other owner.
    private static IEnumerable<ManagedFieldsEntry> AttributeToBeforeFirstApply(JsonObject liveObject, JsonObject live, string configApiVersion, TypeShape shape, DateTimeOffset now)
    {
        var comparison = ObjectComparison.Compare([], liveObject, shape);
        var fields = ServerOwnedFields.StripFrom(comparison.Changed);
        if (fields.IsEmpty)
        {
            yield break;
        }
        var apiVersion = live["apiVersion"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValues.StringOf(v) : configApiVersion;
        yield return new ManagedFieldsEntry(BeforeFirstApplyManager, ManagedFieldsOperation.Update, apiVersion, now, fields);
    }

    private static string RequiredString(JsonObject config, string name)
    {
        if (config[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String && JsonValues.StringOf(value) is { Length: > 0 } text)
        {
            return text;
        }
        throw new FieldManagementException(name, "Required value: an apply configuration must set apiVersion and kind");
    }
}
