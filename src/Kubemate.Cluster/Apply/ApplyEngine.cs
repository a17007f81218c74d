using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Apply;

/// <summary>
/// Previews and applies change sets by server-side apply: dry run and diff of every object first, then apply in
/// order; if any object fails, the ones already changed are restored (or deleted, if created). Use the
/// <see cref="ClusterApi"/> of the user the change is made for, so the cluster's RBAC decides.
/// </summary>
public sealed class ApplyEngine(ClusterApi api)
{
    /// <summary>Dry-runs every object and returns the diffs; never changes the cluster.</summary>
    public async Task<ChangeSetResult> PreviewAsync(ChangeSet changeSet, ApplyOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ApplyOptions();
        var plan = await PlanAsync(changeSet, cancellationToken).ConfigureAwait(false);
        var (results, _) = await DryRunAsync(plan, options, cancellationToken).ConfigureAwait(false);
        return new ChangeSetResult(results);
    }

    /// <summary>Applies the change set all or nothing.</summary>
    public async Task<ChangeSetResult> ApplyAsync(ChangeSet changeSet, ApplyOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ApplyOptions();
        var plan = await PlanAsync(changeSet, cancellationToken).ConfigureAwait(false);
        var results = new ObjectResult[plan.Count];
        var unchanged = new bool[plan.Count];
        if (options.DryRunFirst)
        {
            var (dryRun, failed) = await DryRunAsync(plan, options, cancellationToken).ConfigureAwait(false);
            if (failed)
            {
                return new ChangeSetResult(dryRun);
            }
            for (var i = 0; i < plan.Count; i++)
            {
                unchanged[i] = dryRun[i].Status == ObjectStatus.Unchanged;
            }
        }
        else if (plan.FirstOrDefault(p => p.Problem is not null) is { } unresolved)
        {
            return new ChangeSetResult(plan.Select(p => p == unresolved
                ? new ObjectResult(p.Ref, p.Operation, ObjectStatus.Failed, null, p.Problem) { StatusCode = p.ProblemStatus }
                : new ObjectResult(p.Ref, p.Operation, ObjectStatus.Skipped, null)).ToList());
        }

        var changed = new List<PlannedChange>();
        for (var i = 0; i < plan.Count; i++)
        {
            var change = plan[i];
            if (unchanged[i] || change.Operation == ObjectOperation.None)
            {
                results[i] = new ObjectResult(change.Ref, ObjectOperation.None, ObjectStatus.Unchanged, new ObjectDiff("", ""));
                continue;
            }
            try
            {
                var after = await ExecuteAsync(change, options, dryRun: false, cancellationToken).ConfigureAwait(false);
                if (change.Change.Action == ChangeAction.Apply && DiffBuilder.SameManifest(change.Previous, after))
                {
                    results[i] = new ObjectResult(change.Ref, ObjectOperation.None, ObjectStatus.Unchanged, new ObjectDiff("", ""));
                    continue;
                }
                changed.Add(change);
                results[i] = new ObjectResult(change.Ref, change.Operation, ObjectStatus.Applied, DiffBuilder.Build(change.Previous, after)) { ResourceVersion = change.PreviousVersion };
            }
            catch (ClusterApiException error)
            {
                results[i] = await FailureAsync(change, options, error, cancellationToken).ConfigureAwait(false);
                for (var j = i + 1; j < plan.Count; j++)
                {
                    results[j] = new ObjectResult(plan[j].Ref, plan[j].Operation, ObjectStatus.Skipped, null, $"not applied: {change.Ref} failed");
                }
                await RollBackAsync(changed, results, options, cancellationToken).ConfigureAwait(false);
                break;
            }
        }
        return new ChangeSetResult(results);
    }

    private async Task<List<PlannedChange>> PlanAsync(ChangeSet changeSet, CancellationToken cancellationToken)
    {
        ChangeSetValidation.Validate(changeSet);
        var discovery = new ApiDiscovery(api);
        var plan = new List<PlannedChange>();
        for (var i = 0; i < changeSet.Changes.Count; i++)
        {
            var change = changeSet.Changes[i];
            var reference = ObjectRef.Of(change.Object);
            ResourceType type;
            try
            {
                type = await discovery.ResolveAsync(reference.ApiVersion, reference.Kind, cancellationToken).ConfigureAwait(false);
            }
            catch (KindNotServedException error)
            {
                plan.Add(new PlannedChange(i, change, reference, null, null, $"changes[{i}].object.kind: {error.Message}"));
                continue;
            }
            var problem = (type.Namespaced, reference.Namespace) switch
            {
                (true, null) => $"changes[{i}].object.metadata.namespace: required, {reference.Kind} is namespaced",
                (false, not null) => $"changes[{i}].object.metadata.namespace: must be empty, {reference.Kind} is cluster-scoped",
                _ => null,
            };
            JsonObject? previous = null;
            HttpStatusCode? problemStatus = null;
            if (problem is null)
            {
                try
                {
                    previous = await api.GetOrNullAsync(type.ObjectPath(reference.Namespace, reference.Name), cancellationToken).ConfigureAwait(false);
                }
                catch (ClusterApiException error)
                {
                    problem = $"reading the current state of {reference}: {error.Reason}: {error.Message}";
                    problemStatus = error.StatusCode;
                }
            }
            plan.Add(new PlannedChange(i, change, reference, type, previous, problem) { ProblemStatus = problemStatus });
        }
        return plan;
    }

    private async Task<(ObjectResult[] Results, bool Failed)> DryRunAsync(List<PlannedChange> plan, ApplyOptions options, CancellationToken cancellationToken)
    {
        var results = new ObjectResult[plan.Count];
        var failed = false;
        for (var i = 0; i < plan.Count; i++)
        {
            var change = plan[i];
            if (change.Problem is not null)
            {
                results[i] = new ObjectResult(change.Ref, change.Operation, ObjectStatus.Failed, null, change.Problem) { StatusCode = change.ProblemStatus };
                failed = true;
                continue;
            }
            if (change.Operation == ObjectOperation.None)
            {
                results[i] = new ObjectResult(change.Ref, ObjectOperation.None, ObjectStatus.Unchanged, new ObjectDiff("", "")) { ResourceVersion = change.PreviousVersion };
                continue;
            }
            try
            {
                var after = await ExecuteAsync(change, options, dryRun: true, cancellationToken).ConfigureAwait(false);
                var same = change.Change.Action == ChangeAction.Apply && DiffBuilder.SameManifest(change.Previous, after);
                results[i] = new ObjectResult(change.Ref, same ? ObjectOperation.None : change.Operation,
                    same ? ObjectStatus.Unchanged : ObjectStatus.DryRunOk, DiffBuilder.Build(change.Previous, after)) { ResourceVersion = change.PreviousVersion };
            }
            catch (ClusterApiException error)
            {
                results[i] = await FailureAsync(change, options, error, cancellationToken).ConfigureAwait(false);
                failed = true;
            }
        }
        return (results, failed);
    }

    /// <summary>Sends the change; returns the object as the server stored it (null after a delete).</summary>
    private async Task<JsonObject?> ExecuteAsync(PlannedChange change, ApplyOptions options, bool dryRun, CancellationToken cancellationToken)
    {
        var path = change.Type!.ObjectPath(change.Namespace, change.Ref.Name);
        var expected = ExpectedVersion(change, options);
        if (expected.Checked && expected.Version != change.PreviousVersion)
        {
            // Caught before sending: the object moved on (or appeared, or vanished) since the preview.
            throw new ClusterApiException(HttpStatusCode.Conflict, "Conflict",
                $"{change.Ref} was changed since the preview (resourceVersion {expected.Version ?? "none"} then, {change.PreviousVersion ?? "deleted"} now); preview again", []);
        }
        if (change.Change.Action == ChangeAction.Delete)
        {
            var deleteOptions = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "DeleteOptions", ["propagationPolicy"] = "Background" };
            if (expected.Version is not null)
            {
                deleteOptions["preconditions"] = new JsonObject { ["resourceVersion"] = expected.Version };
            }
            await api.SendAsync(HttpMethod.Delete, dryRun ? path + "?dryRun=All" : path, deleteOptions, "application/json", cancellationToken).ConfigureAwait(false);
            return null;
        }
        var manifest = change.Change.Object;
        if (expected.Version is not null)
        {
            // The server treats a resourceVersion in the applied object as a precondition, closing the race after the check above.
            manifest = (JsonObject)manifest.DeepClone();
            ((JsonObject)manifest["metadata"]!)["resourceVersion"] = expected.Version;
        }
        return await ApplyManifestAsync(path, manifest, options.FieldManager, options.Force, dryRun ? "&dryRun=All" : "", cancellationToken).ConfigureAwait(false);
    }

    private Task<JsonObject> ApplyManifestAsync(string path, JsonObject manifest, string fieldManager, bool force, string extraQuery, CancellationToken cancellationToken)
    {
        var query = $"?fieldManager={Uri.EscapeDataString(fieldManager)}{(force ? "&force=true" : "")}{extraQuery}";
        return api.SendAsync(HttpMethod.Patch, path + query, manifest, ClusterApi.ApplyPatch, cancellationToken);
    }

    // Newest first, so objects created later (which may depend on earlier ones) go first.
    private async Task RollBackAsync(List<PlannedChange> changed, ObjectResult[] results, ApplyOptions options, CancellationToken cancellationToken)
    {
        foreach (var change in Enumerable.Reverse(changed))
        {
            var path = change.Type!.ObjectPath(change.Namespace, change.Ref.Name);
            try
            {
                if (change.Previous is null)
                {
                    try
                    {
                        await api.SendAsync(HttpMethod.Delete, path, null, null, cancellationToken).ConfigureAwait(false);
                    }
                    catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
                    {
                    }
                }
                else
                {
                    // Force as our own manager: the previous manifest must win over whatever this change set set.
                    await ApplyManifestAsync(path, ServerFields.Strip(change.Previous), options.FieldManager, force: true, "", cancellationToken).ConfigureAwait(false);
                }
                results[change.Index] = results[change.Index] with { Status = ObjectStatus.RolledBack };
            }
            catch (ClusterApiException error)
            {
                results[change.Index] = results[change.Index] with
                {
                    Status = ObjectStatus.Failed,
                    Reason = $"applied, then restoring the previous state failed: {error.Message}",
                };
            }
        }
    }

    private static (bool Checked, string? Version) ExpectedVersion(PlannedChange change, ApplyOptions options) =>
        options.ExpectedResourceVersions is { } versions && versions.TryGetValue(change.Ref, out var version) ? (true, version) : (false, null);

    private async Task<ObjectResult> FailureAsync(PlannedChange change, ApplyOptions options, ClusterApiException error, CancellationToken cancellationToken)
    {
        var conflicts = ConflictReader.Read(error);
        var expected = ExpectedVersion(change, options);
        if (error.StatusCode == HttpStatusCode.Conflict && conflicts.Count == 0 && expected.Checked)
        {
            JsonObject? current = null;
            try
            {
                current = await api.GetOrNullAsync(change.Type!.ObjectPath(change.Namespace, change.Ref.Name), cancellationToken).ConfigureAwait(false);
            }
            catch (ClusterApiException)
            {
                // The conflict stands even when the current state cannot be read; it just names no fields.
            }
            conflicts = StaleObjectConflicts.Build(change.Change.Action == ChangeAction.Apply ? change.Change.Object : null, current, expected.Version);
        }
        return new ObjectResult(change.Ref, change.Operation, ObjectStatus.Failed, null, $"{error.Reason}: {error.Message}")
        {
            Conflicts = conflicts,
            StatusCode = error.StatusCode,
            ResourceVersion = change.PreviousVersion,
        };
    }
}
