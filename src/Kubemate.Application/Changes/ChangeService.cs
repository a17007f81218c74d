using System.Globalization;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.GitOps;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Application.Auditing;

namespace Kubemate.Application.Changes;

/// <summary>
/// Audited changes for one user: preview (server dry run and diff), apply (all or nothing), apply exactly what was
/// previewed (with resourceVersion preconditions), and GitOps export. Every call is recorded in the audit trail,
/// allowed or not. Give it the <see cref="ClusterApi"/> created for the user (<c>connection.CreateApi(user)</c>).
/// </summary>
public sealed class ChangeService(ClusterApi userApi, IAuditStore audit, OperationContext context)
{
    private const string ApplyOperation = "apply";
    private const string ExportOperation = "gitops-export";

    private readonly ApplyEngine _engine = new(userApi);

    /// <summary>Server dry run of every object with its diff; changes nothing; audited as a dry run.</summary>
    public async Task<ChangePreview> PreviewAsync(ChangeSet changeSet, ApplyOptions? options = null, CancellationToken ct = default)
    {
        ChangeSetValidation.Validate(changeSet);
        var result = await RunAuditedAsync(changeSet, dryRun: true, () => _engine.PreviewAsync(changeSet, options, ct), ct).ConfigureAwait(false);
        var versions = result.Objects.ToDictionary(o => o.Object, o => o.ResourceVersion);
        return new ChangePreview(changeSet, result, versions);
    }

    /// <summary>Applies the change set all or nothing; audited as Allowed, Denied, Failed or Partial with the result per object.</summary>
    public async Task<ChangeSetResult> ApplyAsync(ChangeSet changeSet, ApplyOptions? options = null, CancellationToken ct = default)
    {
        ChangeSetValidation.Validate(changeSet);
        return await RunAuditedAsync(changeSet, dryRun: false, () => _engine.ApplyAsync(changeSet, options, ct), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Applies exactly the previewed change set, on condition that no object changed since the preview. An object
    /// that did fails with a 409 whose conflicts name the fields, their managers and, when the audit trail knows,
    /// the Kubemate user who changed it; nothing is applied then. <paramref name="force"/> takes fields owned by
    /// other managers, but never skips the preconditions: a stale preview must be previewed again.
    /// </summary>
    public async Task<ChangeSetResult> ApplyPreviewedAsync(ChangePreview preview, bool force = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ChangeSetValidation.Validate(preview.ChangeSet);
        var options = new ApplyOptions { Force = force, ExpectedResourceVersions = preview.ResourceVersions };
        return await RunAuditedAsync(preview.ChangeSet, dryRun: false, () => _engine.ApplyAsync(preview.ChangeSet, options, ct), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// GitOps mode: writes one file per object into <paramref name="directory"/> and returns the paths written (one
    /// per line), or, without a directory, returns the multi-document YAML stream. Audited as <c>gitops-export</c>.
    /// </summary>
    public async Task<string> ExportGitOpsAsync(ChangeSet changeSet, string? directory, CancellationToken ct = default)
    {
        ChangeSetValidation.Validate(changeSet);
        string output;
        string status;
        try
        {
            output = directory is null
                ? GitOpsExport.ToStream(changeSet)
                : string.Join("\n", await GitOpsExport.WriteDirectoryAsync(changeSet, directory, ct).ConfigureAwait(false));
            status = "exported";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            await AppendAsync(ExportOperation, false, AuditOutcome.Failed,
                changeSet.Changes.Select(c => AuditMapping.Object(ObjectRef.Of(c.Object), Asked(c), "failed", error.Message)).ToList(), "").ConfigureAwait(false);
            throw;
        }
        await AppendAsync(ExportOperation, false, AuditOutcome.Allowed,
            changeSet.Changes.Select(c => AuditMapping.Object(ObjectRef.Of(c.Object), Asked(c), status, directory is null ? null : $"written to {directory}")).ToList(),
            GitOpsExport.ToStream(changeSet)).ConfigureAwait(false);
        return output;
    }

    private async Task<ChangeSetResult> RunAuditedAsync(ChangeSet changeSet, bool dryRun, Func<Task<ChangeSetResult>> run, CancellationToken ct)
    {
        ChangeSetResult result;
        try
        {
            result = await run().ConfigureAwait(false);
        }
        catch (Exception error) when (error is ClusterApiException or HttpRequestException)
        {
            // The engine reports refusals per object; what escapes is discovery or transport failing for the whole set.
            var status = (error as ClusterApiException)?.StatusCode;
            await AppendAsync(ApplyOperation, dryRun, AuditMapping.RefusalOutcome(status),
                changeSet.Changes.Select(c => AuditMapping.Object(ObjectRef.Of(c.Object), Asked(c), AuditMapping.RefusalStatus(status), error.Message)).ToList(), "").ConfigureAwait(false);
            throw;
        }
        result = await AttributeConflictsAsync(result, ct).ConfigureAwait(false);
        await AppendAsync(ApplyOperation, dryRun, AuditMapping.Outcome(result), AuditMapping.Objects(changeSet, result),
            AuditMapping.Diff(result.Objects.Select(o => (o.Object, o.Diff)))).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// All Kubemate users share the field manager <c>kubemate</c>, so managedFields cannot say which of them made a
    /// change; the audit trail can: the latest applied record for the object names the user and the time.
    /// </summary>
    private async Task<ChangeSetResult> AttributeConflictsAsync(ChangeSetResult result, CancellationToken ct)
    {
        if (!result.Objects.Any(o => o.Conflicts.Any(c => c.Manager == "kubemate")))
        {
            return result;
        }
        var objects = new List<ObjectResult>();
        foreach (var outcome in result.Objects)
        {
            if (!outcome.Conflicts.Any(c => c.Manager == "kubemate"))
            {
                objects.Add(outcome);
                continue;
            }
            var reference = outcome.Object;
            var records = await audit.QueryAsync(new AuditQuery
            {
                Cluster = context.Cluster,
                Namespace = reference.Namespace,
                Object = new AuditObjectSelector(reference.Kind, reference.Name),
                Descending = true,
                Limit = 50,
            }, ct).ConfigureAwait(false);
            var last = records.FirstOrDefault(r => !r.DryRun && r.Objects.Any(o =>
                o.Kind == reference.Kind && o.Name == reference.Name && o.Namespace == reference.Namespace && o.Status == "applied"));
            if (last is null)
            {
                objects.Add(outcome);
                continue;
            }
            var when = last.Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            objects.Add(outcome with
            {
                Conflicts = outcome.Conflicts.Select(c => c.Manager != "kubemate" ? c : c with
                {
                    ChangedBy = last.User,
                    ChangedAt = last.Timestamp,
                    Message = $"{c.Message}; changed by {last.User} through kubemate at {when}",
                }).ToList(),
            });
        }
        return new ChangeSetResult(objects);
    }

    private Task AppendAsync(string operation, bool dryRun, AuditOutcome outcome, IReadOnlyList<AuditObjectChange> objects, string diff) =>
        // Recorded even when the caller gave up: the cluster may already have changed.
        audit.AppendAsync(AuditMapping.Entry(context, operation, dryRun, outcome, objects, diff), CancellationToken.None);

    private static string Asked(Change change) => change.Action == ChangeAction.Delete ? "delete" : "apply";
}
