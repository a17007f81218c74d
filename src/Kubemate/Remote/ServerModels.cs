using System.Net;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;
using Api = Kubemate.Client;

namespace Kubemate.Remote;

/// <summary>
/// The generated client's answers as the CLI's records. Member by member, so that a member the document drops or
/// renames is a compile error here; enums go by name, which is how the API writes them.
/// </summary>
internal static class ServerModels
{
    public static MeshPlan Plan(Api.OnboardingPlan plan) => new(
        plan.Namespace,
        plan.Enable,
        new ObjectDiff(plan.InjectionDiff.Before, plan.InjectionDiff.After),
        plan.Restarts.Select(r => new PlannedRestart(r.Kind, r.Name, r.Pods, r.MeshedPods)).ToList(),
        plan.Skipped.Select(s => new SkippedWorkload(s.Kind, s.Name, s.Reason) { Detail = s.Detail ?? "" }).ToList())
    {
        Workload = plan.Workload,
    };

    public static MeshEvent Event(Api.OnboardingEvent e) =>
        new(e.Sequence, e.Time, Same<MeshEventType>(e.Type), e.Kind, e.Workload, e.MeshedPods, e.TotalPods, e.Message)
        {
            StatusCode = e.StatusCode is { } status ? (HttpStatusCode)status : null,
        };

    public static List<ObjectResult> Objects(IEnumerable<Api.ObjectResultView> objects) => objects.Select(o => new ObjectResult(
        new ObjectRef(o.Object.ApiVersion, o.Object.Kind, o.Object.Namespace, o.Object.Name),
        Same<ObjectOperation>(o.Operation),
        Same<ObjectStatus>(o.Status),
        o.Diff is null ? null : new ObjectDiff(o.Diff.Before, o.Diff.After),
        o.Reason)
    {
        Conflicts = o.Conflicts.Select(c => new FieldConflict(c.Field, c.Manager, c.Message) { ChangedBy = c.ChangedBy, ChangedAt = c.ChangedAt }).ToList(),
    }).ToList();

    public static AuditRecord Record(Api.AuditRecord r) => new()
    {
        Sequence = r.Sequence,
        Timestamp = r.Timestamp,
        User = r.User,
        Groups = r.Groups,
        SourceAddress = r.SourceAddress,
        Cluster = r.Cluster,
        Operation = r.Operation,
        DryRun = r.DryRun,
        Outcome = Same<AuditOutcome>(r.Outcome),
        Objects = r.Objects.Select(o => new AuditObjectChange(o.ApiVersion, o.Kind, o.Namespace, o.Name, o.Action, o.Status, o.Message)).ToList(),
        Diff = r.Diff,
        PreviousHash = r.PreviousHash,
        Hash = r.Hash,
    };

    public static AuditVerificationReport Report(Api.AuditVerificationReport report) => new(
        report.RecordsChecked,
        report.Head is { } head ? new AuditHead(head.Sequence, head.Hash) : null,
        report.FirstBreak is { } first ? new AuditChainBreak(first.Sequence, Same<AuditBreakKind>(first.Kind), first.Message) : null);

    /// <summary>The CLI's enum member of the same name; an unknown one is an answer the API does not describe.</summary>
    private static T Same<T>(Enum value) where T : struct, Enum =>
        Enum.TryParse<T>(value.ToString(), ignoreCase: false, out var same)
            ? same
            : throw new OperationException(OperationFailure.Failed, $"the server answered {typeof(T).Name} {value}, which this kubemate does not know");
}
