using System.Text.Json;
using Kubemate.Application;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;
using Kubemate.Host.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kubemate.Host.Limits;

/// <summary>
/// Refuses, before anything is applied or exported, a change set whose audit record would be larger than
/// <see cref="RequestLimits.AuditRecordMaxBytes"/>: a record lists every object and carries the change as text, so
/// its size is measured on the record the change set would leave if every object were created.
/// </summary>
internal static class AuditRecordSize
{
    public static long Of(ChangeSet changeSet, OperationContext context)
    {
        var entry = new AuditEntry
        {
            User = context.User.Name,
            Groups = context.User.Groups,
            SourceAddress = context.SourceAddress,
            Cluster = context.Cluster,
            Operation = "apply",
            Outcome = AuditOutcome.Allowed,
            Objects = changeSet.Changes.Select(c => ObjectRef.Of(c.Object))
                .Select(r => new AuditObjectChange(r.ApiVersion, r.Kind, r.Namespace, r.Name, "create", "applied")).ToList(),
            // Every object's text stands for the change's text; measured only, never kept. (The GitOps export's
            // YAML would refuse a Secret's values, which a preview or apply may carry.)
            Diff = string.Join("\n", changeSet.Changes.Select(c => c.Object.ToJsonString())),
        };
        return JsonSerializer.SerializeToUtf8Bytes(entry).LongLength;
    }

    /// <summary>A 413 naming the limit when the record would be too large; null when it fits.</summary>
    public static ProblemHttpResult? Refusal(ChangeSet changeSet, OperationContext context, RequestLimits limits)
    {
        var size = Of(changeSet, context);
        return size <= limits.AuditRecordMaxBytes
            ? null
            : Problem.Of(StatusCodes.Status413PayloadTooLarge, "Audit record too large",
                $"this change set would make an audit record of {size} bytes, over the limit of {limits.AuditRecordMaxBytes} bytes (auditRecordMaxBytes); split it into smaller change sets",
                new Dictionary<string, object?> { ["limit"] = "auditRecordMaxBytes", ["limitBytes"] = limits.AuditRecordMaxBytes });
    }
}
