using System.Collections.Immutable;
using Kubemate.Application.Onboarding;

namespace Kubemate.WebConsole.Onboarding;

/// <summary>
/// The progress of one onboarding run as the page shows it, built from the plan and then the run's events.
/// Rows keep the plan's order so they do not jump while the user watches; skipped workloads come last, and
/// workloads the plan did not name are added before them as they appear. Events already applied (by
/// <see cref="OnboardingEvent.Sequence"/>) are ignored, so a replayed stream does not double-count.
/// </summary>
public sealed record OnboardingProgress(string Namespace, bool Enable, OnboardingRunState State, ImmutableList<WorkloadProgress> Workloads, string? Message, long LastSequence)
{
    public static OnboardingProgress FromPlan(OnboardingPlan plan) => new(
        plan.Namespace,
        plan.Enable,
        OnboardingRunState.Running,
        plan.Restarts.Select(r => new WorkloadProgress(r.Kind, r.Name, WorkloadProgressState.Waiting, r.MeshedPods, r.Pods, null))
            .Concat(plan.Skipped.Select(s => new WorkloadProgress(s.Kind, s.Name, WorkloadProgressState.Skipped, 0, 0, s.Reason)))
            .ToImmutableList(),
        null,
        0);

    public bool Finished => State != OnboardingRunState.Running;

    public OnboardingProgress Apply(OnboardingEvent e)
    {
        if (e.Sequence <= LastSequence)
        {
            return this;
        }
        var next = this with { LastSequence = e.Sequence };
        return e.Type switch
        {
            OnboardingEventType.Completed => next with { State = OnboardingRunState.Completed, Message = e.Message },
            OnboardingEventType.Failed => next with { State = OnboardingRunState.Failed, Message = e.Message },
            OnboardingEventType.Restarting => next.Update(e, WorkloadProgressState.Restarting),
            OnboardingEventType.Progress => next.Update(e, null),
            OnboardingEventType.WorkloadDone => next.Update(e, WorkloadProgressState.Done),
            OnboardingEventType.WorkloadFailed => next.Update(e, WorkloadProgressState.Failed),
            OnboardingEventType.WorkloadSkipped => next.Update(e, WorkloadProgressState.Skipped),
            _ => next,
        };
    }

    private OnboardingProgress Update(OnboardingEvent e, WorkloadProgressState? state)
    {
        if (e.Workload is null)
        {
            return this;
        }
        var kind = e.Kind ?? "";
        var index = Workloads.FindIndex(w => w.Name == e.Workload && (kind.Length == 0 || string.Equals(w.Kind, kind, StringComparison.OrdinalIgnoreCase)));
        if (index < 0)
        {
            var added = new WorkloadProgress(kind, e.Workload, state ?? WorkloadProgressState.Restarting, e.MeshedPods, e.TotalPods, e.Message);
            var firstSkipped = Workloads.FindIndex(w => w.State == WorkloadProgressState.Skipped);
            return this with { Workloads = firstSkipped < 0 ? Workloads.Add(added) : Workloads.Insert(firstSkipped, added) };
        }
        var row = Workloads[index];
        var updated = row with
        {
            State = state ?? (row.State == WorkloadProgressState.Waiting ? WorkloadProgressState.Restarting : row.State),
            MeshedPods = e.TotalPods > 0 || e.MeshedPods > 0 ? e.MeshedPods : row.MeshedPods,
            TotalPods = e.TotalPods > 0 || e.MeshedPods > 0 ? e.TotalPods : row.TotalPods,
            Detail = e.Message ?? row.Detail,
        };
        return this with { Workloads = Workloads.SetItem(index, updated) };
    }
}
