using System.Net;
using System.Runtime.CompilerServices;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.GitOps;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;
using Kubemate.Application.Auditing;
using Kubemate.Application.Changes;

namespace Kubemate.Application.Onboarding;

/// <summary>
/// Mesh onboarding for one user: switch proxy injection on or off for a namespace or one workload through the
/// driver, then roll the affected workloads with bounded concurrency and stream their progress. Every cluster call
/// goes through <paramref name="userApi"/> (impersonating the user), and every run and dry run is audited.
/// </summary>
public sealed class MeshOnboarding(ClusterApi userApi, IMeshDriver driver, IAuditStore audit, OperationContext context, TimeProvider? time = null)
{
    private readonly MeshInspector _inspector = new(driver);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>
    /// The dry run: the injection change is sent with <c>dryRun=All</c>, workloads are read, nothing changes.
    /// Audited as a dry run. A refusal by the cluster is audited (Denied for 403) and then thrown as
    /// <see cref="ClusterApiException"/> with the cluster's status and reason.
    /// </summary>
    public Task<OnboardingPlan> PlanAsync(OnboardingRequest request, CancellationToken ct = default) => PlanAsync(request, preview: true, ct);

    /// <summary>
    /// The plan a run starts from: the same dry run as <see cref="PlanAsync(OnboardingRequest, CancellationToken)"/>,
    /// but only a refusal is audited, as the operation itself (not a dry run): the run's own record follows.
    /// </summary>
    public Task<OnboardingPlan> PlanRunAsync(OnboardingRequest request, CancellationToken ct = default) => PlanAsync(request, preview: false, ct);

    private async Task<OnboardingPlan> PlanAsync(OnboardingRequest request, bool preview, CancellationToken ct)
    {
        var only = OnboardingPlanner.Validate(request);
        var change = InjectionChange(request, only);
        var targetRef = ObjectRef.Of(change.Changes[0].Object);
        NamespaceSnapshot? snapshot = null;
        ObjectResult injection;
        try
        {
            // The change itself is asked first, so a user who may not make it hears that (not that some read was
            // refused); a workload must exist before its change can be asked.
            if (only is not null)
            {
                snapshot = await NamespaceSnapshot.LoadAsync(userApi, request.Namespace, ct).ConfigureAwait(false);
                RequireWorkload(snapshot, only, request.Namespace);
            }
            injection = (await new ApplyEngine(userApi).PreviewAsync(change, InjectionOptions, ct).ConfigureAwait(false)).Objects[0];
            if (injection.Status != ObjectStatus.Failed)
            {
                snapshot ??= await NamespaceSnapshot.LoadAsync(userApi, request.Namespace, ct).ConfigureAwait(false);
            }
        }
        catch (ClusterApiException error)
        {
            await AuditAsync(request, dryRun: preview, AuditMapping.RefusalOutcome(error.StatusCode), [AuditMapping.Object(targetRef, "patch", AuditMapping.RefusalStatus(error.StatusCode), error.Message)], "").ConfigureAwait(false);
            throw;
        }
        if (injection.Status == ObjectStatus.Failed || snapshot is null)
        {
            var status = injection.StatusCode ?? HttpStatusCode.UnprocessableEntity;
            await AuditAsync(request, dryRun: preview, AuditMapping.RefusalOutcome(status), [AuditMapping.Object(targetRef, "patch", AuditMapping.Status(injection), AuditMapping.Message(injection))], "").ConfigureAwait(false);
            throw new ClusterApiException(status, status.ToString(), injection.Reason ?? "the injection change was refused", []);
        }
        var (restarts, skipped) = OnboardingPlanner.Decide(snapshot, _inspector, request, only);
        var diff = injection.Diff ?? new ObjectDiff("", "");
        var objects = new List<AuditObjectChange> { AuditMapping.Object(targetRef, "patch", AuditMapping.Status(injection), injection.Reason) };
        objects.AddRange(restarts.Select(r => WorkloadRecord(request, r.Kind, r.Name, "dry-run", $"would restart: {r.MeshedPods}/{r.Pods} pods meshed")));
        objects.AddRange(skipped.Select(s => WorkloadRecord(request, s.Kind, s.Name, "skipped", $"{s.Reason}: {s.Detail}")));
        if (preview)
        {
            await AuditAsync(request, dryRun: true, AuditOutcome.Allowed, objects, AuditMapping.Diff([(targetRef, diff)])).ConfigureAwait(false);
        }
        return new OnboardingPlan(request.Namespace, request.Enable, diff, restarts, skipped) { Workload = only?.ToString() };
    }

    /// <summary>
    /// GitOps mode: the injection change as the YAML a GitOps repository gets, and its file name; nothing is applied
    /// and nothing restarts (the pods pick the change up when they next roll out). Audited as <c>gitops-export</c>.
    /// </summary>
    public async Task<OnboardingExport> ExportGitOpsAsync(OnboardingRequest request, CancellationToken ct = default)
    {
        var only = OnboardingPlanner.Validate(request);
        var change = InjectionChange(request, only);
        var yaml = await new ChangeService(userApi, audit, context).ExportGitOpsAsync(change, null, ct).ConfigureAwait(false);
        return new OnboardingExport(GitOpsExport.FileName(ObjectRef.Of(change.Changes[0].Object)), yaml);
    }

    /// <summary>
    /// Applies the injection switch, restarts the workloads that need it (at most <see cref="OnboardingRequest.MaxConcurrency"/>
    /// at a time) and streams events: Started, InjectionApplied, WorkloadSkipped…, per workload Restarting, Progress…,
    /// WorkloadDone or WorkloadFailed, and last Completed. When the cluster refuses (403 for RBAC), the stream ends with
    /// one Failed event carrying the cluster's message and <see cref="OnboardingEvent.StatusCode"/>; it does not throw.
    /// One audit record is written before the last event. Bad requests throw <see cref="ArgumentException"/> at once.
    /// </summary>
    public IAsyncEnumerable<OnboardingEvent> RunAsync(OnboardingRequest request, CancellationToken ct = default)
    {
        var only = OnboardingPlanner.Validate(request);
        return StreamAsync(request, only, ct);
    }

    private async IAsyncEnumerable<OnboardingEvent> StreamAsync(OnboardingRequest request, WorkloadKey? only, [EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var events = new EventStream(_time);
        var run = Task.Run(() => ExecuteAsync(request, only, events, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var item in events.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            // A reader that stops early stops the run too; the run still writes its audit record.
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await run.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async Task ExecuteAsync(OnboardingRequest request, WorkloadKey? only, EventStream events, CancellationToken ct)
    {
        var change = InjectionChange(request, only);
        var targetRef = ObjectRef.Of(change.Changes[0].Object);
        var scope = only is null ? $"namespace {request.Namespace}" : $"{only} in namespace {request.Namespace}";
        var records = new List<AuditObjectChange>();
        var diff = "";
        events.Emit(OnboardingEventType.Started, only, 0, 0, $"{(request.Enable ? "enabling" : "disabling")} proxy injection for {scope}");
        try
        {
            var snapshot = await NamespaceSnapshot.LoadAsync(userApi, request.Namespace, ct).ConfigureAwait(false);
            RequireWorkload(snapshot, only, request.Namespace);
            var (restarts, skipped) = OnboardingPlanner.Decide(snapshot, _inspector, request, only);

            var injection = (await new ApplyEngine(userApi).ApplyAsync(change, InjectionOptions, ct).ConfigureAwait(false)).Objects[0];
            diff = AuditMapping.Diff([(targetRef, injection.Diff)]);
            records.Add(AuditMapping.Object(targetRef, "patch", AuditMapping.Status(injection), AuditMapping.Message(injection)));
            if (injection.Status is not (ObjectStatus.Applied or ObjectStatus.Unchanged))
            {
                var status = injection.StatusCode ?? HttpStatusCode.UnprocessableEntity;
                await FinishAsync(request, AuditMapping.RefusalOutcome(status), records, diff, events, OnboardingEventType.Failed, injection.Reason, status).ConfigureAwait(false);
                return;
            }
            events.Emit(OnboardingEventType.InjectionApplied, only, 0, 0,
                injection.Status == ObjectStatus.Unchanged ? $"injection was already {(request.Enable ? "enabled" : "disabled")} for {scope}" : $"injection {(request.Enable ? "enabled" : "disabled")} for {scope}");
            foreach (var skip in skipped)
            {
                events.Emit(OnboardingEventType.WorkloadSkipped, new WorkloadKey(skip.Kind, skip.Name), 0, 0, $"{skip.Reason}: {skip.Detail}");
                records.Add(WorkloadRecord(request, skip.Kind, skip.Name, "skipped", $"{skip.Reason}: {skip.Detail}"));
            }
            var failed = 0;
            if (restarts.Count > 0)
            {
                await using var tracker = await RolloutTracker.StartAsync(userApi, request.Namespace, restarts.Select(r => r.Kind), ct).ConfigureAwait(false);
                using var slots = new SemaphoreSlim(request.MaxConcurrency);
                // Workload scope: a changed template annotation rolls the workload by itself.
                var templateChanged = only is not null && injection.Status == ObjectStatus.Applied;
                var rollout = new WorkloadRollout(userApi, _inspector, tracker, events, _time);
                var rolled = await Task.WhenAll(restarts.Select(r => RollAsync(rollout, request, r, templateChanged, slots, ct))).ConfigureAwait(false);
                records.AddRange(rolled);
                failed = rolled.Count(r => r.Status != "done");
            }
            var summary = $"{restarts.Count - failed} restarted, {failed} failed, {skipped.Count} skipped";
            await FinishAsync(request, failed == 0 ? AuditOutcome.Allowed : AuditOutcome.Partial, records, diff, events,
                OnboardingEventType.Completed, summary, null).ConfigureAwait(false);
        }
        catch (ClusterApiException error)
        {
            if (records.Count == 0)
            {
                records.Add(AuditMapping.Object(targetRef, "patch", AuditMapping.RefusalStatus(error.StatusCode), error.Message));
            }
            var outcome = records.Any(r => r.Status is "applied" or "done") ? AuditOutcome.Partial : AuditMapping.RefusalOutcome(error.StatusCode);
            await FinishAsync(request, outcome, records, diff, events, OnboardingEventType.Failed, $"{error.Reason}: {error.Message}", error.StatusCode).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            var outcome = records.Any(r => r.Status is "applied" or "done") ? AuditOutcome.Partial : AuditOutcome.Failed;
            records.Add(AuditMapping.Object(targetRef, "patch", "cancelled", "the caller stopped the operation before it finished"));
            await FinishAsync(request, outcome, records, diff, events, OnboardingEventType.Failed, "cancelled", null).ConfigureAwait(false);
            throw;
        }
        catch (HttpRequestException error)
        {
            records.Add(AuditMapping.Object(targetRef, "patch", "failed", error.Message));
            await FinishAsync(request, AuditOutcome.Failed, records, diff, events, OnboardingEventType.Failed, error.Message, null).ConfigureAwait(false);
        }
        finally
        {
            events.Complete();
        }
    }

    private static async Task<AuditObjectChange> RollAsync(WorkloadRollout rollout, OnboardingRequest request, PlannedRestart restart, bool templateChanged,
        SemaphoreSlim slots, CancellationToken ct)
    {
        await slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var (status, message) = await rollout.RunAsync(request, restart, templateChanged, ct).ConfigureAwait(false);
            return WorkloadRecord(request, restart.Kind, restart.Name, status, message);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task FinishAsync(OnboardingRequest request, AuditOutcome outcome, List<AuditObjectChange> records, string diff, EventStream events,
        OnboardingEventType last, string? message, HttpStatusCode? status)
    {
        await AuditAsync(request, dryRun: false, outcome, records, diff).ConfigureAwait(false);
        events.Emit(last, null, 0, 0, message, status);
    }

    private Task AuditAsync(OnboardingRequest request, bool dryRun, AuditOutcome outcome, IReadOnlyList<AuditObjectChange> objects, string diff) =>
        audit.AppendAsync(AuditMapping.Entry(context, request.Enable ? "mesh-enable" : "mesh-disable", dryRun, outcome, objects, diff), CancellationToken.None);

    /// <summary>
    /// The switch is the one field the user asked to set, so it is applied with force: a namespace annotated
    /// earlier by kubectl, Helm or a seeding tool must not block the user's explicit choice.
    /// </summary>
    private static ApplyOptions InjectionOptions { get; } = new() { Force = true };

    private ChangeSet InjectionChange(OnboardingRequest request, WorkloadKey? only) =>
        ChangeSet.ApplyAll([driver.InjectionPatch(OnboardingPlanner.Target(request, only), request.Enable)]);

    private static AuditObjectChange WorkloadRecord(OnboardingRequest request, string kind, string name, string status, string? message) =>
        new(kind == "Pod" ? "v1" : "apps/v1", kind, request.Namespace, name, "restart", status, message);

    private static void RequireWorkload(NamespaceSnapshot snapshot, WorkloadKey? only, string ns)
    {
        if (only is not null && !snapshot.Workloads.Any(w => w.Key == only))
        {
            throw new ClusterApiException(HttpStatusCode.NotFound, "NotFound", $"{only.Plural}.apps \"{only.Name}\" not found in namespace {ns}", []);
        }
    }
}
