using Kubemate.Application.Onboarding;

namespace Kubemate.Application.Runs;

public enum OperationState
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>
/// One background mesh onboarding: its events in order (bounded) and its state. Readers replay the events and
/// wait for more; the run ends with a Completed or Failed event.
/// </summary>
public sealed class OperationRun(string id, string owner, OnboardingPlan plan, DateTimeOffset started)
{
    public const int MaxEvents = 50_000;

    private readonly object _gate = new();
    private readonly List<OnboardingEvent> _events = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Id { get; } = id;

    public string Owner { get; } = owner;

    /// <summary>What the run was planned to do, so that whoever follows it can show every workload from the start.</summary>
    public OnboardingPlan Plan { get; } = plan;

    public string Namespace => Plan.Namespace;

    public DateTimeOffset Started { get; } = started;

    public OperationState State { get; private set; } = OperationState.Running;

    public bool IsFinished => State != OperationState.Running;

    public void Add(OnboardingEvent e)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (IsFinished)
            {
                return;
            }
            if (_events.Count < MaxEvents || e.Type is OnboardingEventType.Completed or OnboardingEventType.Failed)
            {
                _events.Add(e);
            }
            State = e.Type switch
            {
                OnboardingEventType.Completed => OperationState.Succeeded,
                OnboardingEventType.Failed => OperationState.Failed,
                _ => OperationState.Running,
            };
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>The events from index <paramref name="from"/> on, whether the run has ended, and a task that completes on the next change.</summary>
    public (IReadOnlyList<OnboardingEvent> Events, bool Finished, Task Changed) Read(int from)
    {
        lock (_gate)
        {
            var events = from < _events.Count ? _events.GetRange(from, _events.Count - from) : [];
            return (events, IsFinished, _changed.Task);
        }
    }

    public IReadOnlyList<OnboardingEvent> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }
}
