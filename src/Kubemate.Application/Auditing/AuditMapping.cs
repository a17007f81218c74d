using System.Net;
using System.Text;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Auditing;

/// <summary>Turns change-set results into audit entries: one object line per change, an outcome, and the diff text.</summary>
internal static class AuditMapping
{
    public static AuditEntry Entry(OperationContext context, string operation, bool dryRun, AuditOutcome outcome, IReadOnlyList<AuditObjectChange> objects, string diff) => new()
    {
        User = context.User.Name,
        Groups = context.User.Groups,
        SourceAddress = context.SourceAddress,
        Cluster = context.Cluster,
        Operation = operation,
        DryRun = dryRun,
        Outcome = outcome,
        Objects = objects,
        Diff = diff,
    };

    public static AuditObjectChange Object(ObjectRef reference, string action, string status, string? message = null) =>
        new(reference.ApiVersion, reference.Kind, reference.Namespace, reference.Name, action, status, message);

    public static IReadOnlyList<AuditObjectChange> Objects(ChangeSet changeSet, ChangeSetResult result) =>
        result.Objects.Select((r, i) => Object(r.Object, Action(changeSet.Changes[i].Action, r.Operation), Status(r), Message(r))).ToList();

    /// <summary>What was asked of the object, against its state: create, update, delete, or unchanged.</summary>
    public static string Action(ChangeAction asked, ObjectOperation operation) => operation switch
    {
        ObjectOperation.Create => "create",
        ObjectOperation.Update => "update",
        ObjectOperation.Delete => "delete",
        _ => asked == ChangeAction.Delete ? "delete" : "unchanged",
    };

    public static string Status(ObjectResult result) => result.StatusCode == HttpStatusCode.Forbidden ? "denied" : result.Status switch
    {
        ObjectStatus.DryRunOk => "dry-run",
        ObjectStatus.Applied => "applied",
        ObjectStatus.Unchanged => "unchanged",
        ObjectStatus.RolledBack => "rolled-back",
        ObjectStatus.Skipped => "skipped",
        _ => result.StatusCode == HttpStatusCode.Conflict ? "conflict" : "failed",
    };

    public static string? Message(ObjectResult result)
    {
        if (result.Conflicts.Count == 0)
        {
            return result.Reason;
        }
        var conflicts = string.Join("; ", result.Conflicts.Select(c => c.Message));
        return result.Reason is null ? conflicts : $"{result.Reason} ({conflicts})";
    }

    /// <summary>
    /// Allowed: everything went through (or, for a dry run, would). Denied: RBAC refused an object and nothing
    /// stayed changed. Partial: some objects stayed changed while another failed. Failed: the rest.
    /// </summary>
    public static AuditOutcome Outcome(ChangeSetResult result)
    {
        if (result.Succeeded)
        {
            return AuditOutcome.Allowed;
        }
        var stayedChanged = result.Objects.Any(o => o.Status == ObjectStatus.Applied);
        if (stayedChanged)
        {
            return AuditOutcome.Partial;
        }
        return result.Objects.Any(o => o.StatusCode == HttpStatusCode.Forbidden) ? AuditOutcome.Denied : AuditOutcome.Failed;
    }

    /// <summary>The outcome of an operation the cluster refused as a whole (no result per object): Denied for 403, else Failed.</summary>
    public static AuditOutcome RefusalOutcome(HttpStatusCode? status) => status == HttpStatusCode.Forbidden ? AuditOutcome.Denied : AuditOutcome.Failed;

    /// <summary>The object status recorded for such a refusal: <c>denied</c> for 403, else <c>failed</c>.</summary>
    public static string RefusalStatus(HttpStatusCode? status) => status == HttpStatusCode.Forbidden ? "denied" : "failed";

    /// <summary>All objects' diffs as one text: a header per object, then removed lines with '-' and added lines with '+'.</summary>
    public static string Diff(IEnumerable<(ObjectRef Object, ObjectDiff? Diff)> diffs)
    {
        var text = new StringBuilder();
        foreach (var (reference, diff) in diffs)
        {
            if (diff is null || diff.IsEmpty)
            {
                continue;
            }
            text.Append("--- ").Append(reference).Append('\n').Append("+++ ").Append(reference).Append('\n');
            foreach (var line in diff.Lines())
            {
                text.Append(line.Change).Append(line.Text).Append('\n');
            }
        }
        return text.ToString();
    }
}
