using System.Net;
using Kubemate.Application.Onboarding;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Objects;
using Api = Kubemate.Client;

namespace Kubemate.Remote;

/// <summary>
/// The one place the generated client's answers become the application layer's records, which the CLI prints in
/// both modes. Member by member and enum member by enum member, so that a member the document drops or renames is a
/// compile error here, and a value this kubemate does not know is a clear failure rather than a wrong record.
/// </summary>
internal static class ServerModels
{
    public static OnboardingPlan Plan(Api.OnboardingPlan plan) => new(
        plan.Namespace,
        plan.Enable,
        new ObjectDiff(plan.InjectionDiff.Before, plan.InjectionDiff.After),
        plan.Restarts.Select(r => new PlannedRestart(r.Kind, r.Name, r.Pods, r.MeshedPods)).ToList(),
        plan.Skipped.Select(s => new SkippedWorkload(s.Kind, s.Name, s.Reason) { Detail = s.Detail ?? "" }).ToList())
    {
        Workload = plan.Workload,
    };

    public static OnboardingEvent Event(Api.OnboardingEvent e) =>
        new(e.Sequence, e.Time, EventType(e.Type), e.Kind, e.Workload, e.MeshedPods, e.TotalPods, e.Message)
        {
            StatusCode = e.StatusCode is { } status ? (HttpStatusCode)status : null,
        };

    public static List<ObjectResult> Objects(IEnumerable<Api.ObjectResultView> objects) => objects.Select(o => new ObjectResult(
        new ObjectRef(o.Object.ApiVersion, o.Object.Kind, o.Object.Namespace, o.Object.Name),
        Operation(o.Operation),
        Status(o.Status),
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
        Outcome = Outcome(r.Outcome),
        Objects = r.Objects.Select(o => new AuditObjectChange(o.ApiVersion, o.Kind, o.Namespace, o.Name, o.Action, o.Status, o.Message)).ToList(),
        Diff = r.Diff,
        PreviousHash = r.PreviousHash,
        Hash = r.Hash,
    };

    public static AuditVerificationReport Report(Api.AuditVerificationReport report) => new(
        report.RecordsChecked,
        report.Head is { } head ? new AuditHead(head.Sequence, head.Hash) : null,
        report.FirstBreak is { } first ? new AuditChainBreak(first.Sequence, BreakKind(first.Kind), first.Message) : null);

    internal static OnboardingEventType EventType(Api.OnboardingEventType type) => type switch
    {
        Api.OnboardingEventType.Started => OnboardingEventType.Started,
        Api.OnboardingEventType.InjectionApplied => OnboardingEventType.InjectionApplied,
        Api.OnboardingEventType.Restarting => OnboardingEventType.Restarting,
        Api.OnboardingEventType.Progress => OnboardingEventType.Progress,
        Api.OnboardingEventType.WorkloadDone => OnboardingEventType.WorkloadDone,
        Api.OnboardingEventType.WorkloadFailed => OnboardingEventType.WorkloadFailed,
        Api.OnboardingEventType.WorkloadSkipped => OnboardingEventType.WorkloadSkipped,
        Api.OnboardingEventType.Completed => OnboardingEventType.Completed,
        Api.OnboardingEventType.Failed => OnboardingEventType.Failed,
        _ => throw Unknown(type),
    };

    internal static ObjectOperation Operation(Api.ObjectOperation operation) => operation switch
    {
        Api.ObjectOperation.Create => ObjectOperation.Create,
        Api.ObjectOperation.Update => ObjectOperation.Update,
        Api.ObjectOperation.Delete => ObjectOperation.Delete,
        Api.ObjectOperation.None => ObjectOperation.None,
        _ => throw Unknown(operation),
    };

    internal static ObjectStatus Status(Api.ObjectStatus status) => status switch
    {
        Api.ObjectStatus.DryRunOk => ObjectStatus.DryRunOk,
        Api.ObjectStatus.Applied => ObjectStatus.Applied,
        Api.ObjectStatus.Unchanged => ObjectStatus.Unchanged,
        Api.ObjectStatus.RolledBack => ObjectStatus.RolledBack,
        Api.ObjectStatus.Failed => ObjectStatus.Failed,
        Api.ObjectStatus.Skipped => ObjectStatus.Skipped,
        _ => throw Unknown(status),
    };

    internal static AuditOutcome Outcome(Api.AuditOutcome outcome) => outcome switch
    {
        Api.AuditOutcome.Allowed => AuditOutcome.Allowed,
        Api.AuditOutcome.Denied => AuditOutcome.Denied,
        Api.AuditOutcome.Failed => AuditOutcome.Failed,
        Api.AuditOutcome.Partial => AuditOutcome.Partial,
        _ => throw Unknown(outcome),
    };

    internal static AuditBreakKind BreakKind(Api.AuditBreakKind kind) => kind switch
    {
        Api.AuditBreakKind.HashMismatch => AuditBreakKind.HashMismatch,
        Api.AuditBreakKind.PreviousHashMismatch => AuditBreakKind.PreviousHashMismatch,
        Api.AuditBreakKind.Missing => AuditBreakKind.Missing,
        Api.AuditBreakKind.Unreadable => AuditBreakKind.Unreadable,
        _ => throw Unknown(kind),
    };

    /// <summary>A value outside the enum: the server answered something the document this kubemate was built from does not describe.</summary>
    private static OperationException Unknown<T>(T value) where T : struct, Enum =>
        new(OperationFailure.Failed, $"the server answered {typeof(T).Name} {value}, which this kubemate does not know (is the server newer than this kubemate?)");
}
