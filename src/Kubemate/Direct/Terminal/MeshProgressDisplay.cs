using Kubemate.Application.Onboarding;

namespace Kubemate.Direct.Terminal;

/// <summary>
/// Shows an onboarding run: one line per workload (restarting, meshed pods / total, done, failed, skipped). On a
/// terminal the workload lines are rewritten in place; otherwise every event appends a plain line.
/// </summary>
public sealed class MeshProgressDisplay(TextWriter output, bool terminal)
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, string> _states = new(StringComparer.Ordinal);
    private int _drawn;

    public int Done { get; private set; }

    public int Failed { get; private set; }

    public int Skipped { get; private set; }

    public void Show(OnboardingEvent meshEvent)
    {
        var workload = meshEvent.Workload is null ? null : $"{(meshEvent.Kind ?? "Deployment").ToLowerInvariant()}/{meshEvent.Workload}";
        var state = workload is null ? null : State(meshEvent);
        if (workload is null || state is null)
        {
            Note(Describe(meshEvent));
            return;
        }
        Count(meshEvent.Type);
        if (!_states.ContainsKey(workload))
        {
            _order.Add(workload);
        }
        _states[workload] = state;
        if (terminal)
        {
            Redraw();
        }
        else
        {
            output.WriteLine($"{workload}: {state}");
        }
        output.Flush();
    }

    private void Count(OnboardingEventType type)
    {
        switch (type)
        {
            case OnboardingEventType.WorkloadDone:
                Done++;
                break;
            case OnboardingEventType.WorkloadFailed:
                Failed++;
                break;
            case OnboardingEventType.WorkloadSkipped:
                Skipped++;
                break;
        }
    }

    private void Note(string? line)
    {
        if (line is null)
        {
            return;
        }
        if (terminal && _drawn > 0)
        {
            // The note goes above the workload block, which is drawn again below it.
            output.Write(TerminalOutput.Up(_drawn));
            output.WriteLine(TerminalOutput.ClearLine + line);
            _drawn = 0;
            Redraw();
        }
        else
        {
            output.WriteLine(line);
        }
        output.Flush();
    }

    private void Redraw()
    {
        output.Write(TerminalOutput.Up(_drawn));
        var width = _order.Max(w => w.Length);
        foreach (var workload in _order)
        {
            var state = _states[workload];
            var colour = state.StartsWith("failed", StringComparison.Ordinal) ? TerminalOutput.Red
                : state.StartsWith("done", StringComparison.Ordinal) ? TerminalOutput.Green : "";
            output.WriteLine(TerminalOutput.ClearLine + workload.PadRight(width + 3) + colour + state + (colour.Length > 0 ? TerminalOutput.Reset : ""));
        }
        _drawn = _order.Count;
    }

    private static string Pods(OnboardingEvent e) => $"{e.MeshedPods}/{e.TotalPods} pods meshed";

    private static string? State(OnboardingEvent e) => e.Type switch
    {
        OnboardingEventType.Restarting => $"restarting, {Pods(e)}",
        OnboardingEventType.Progress => Pods(e),
        OnboardingEventType.WorkloadDone => $"done, {Pods(e)}",
        OnboardingEventType.WorkloadFailed => $"failed, {Pods(e)}: {e.Message}",
        OnboardingEventType.WorkloadSkipped => $"skipped: {e.Message}",
        _ => null,
    };

    private static string? Describe(OnboardingEvent e) => e.Type switch
    {
        OnboardingEventType.Started => "started" + Suffix(e.Message),
        OnboardingEventType.InjectionApplied => "injection switch applied" + Suffix(e.Message),
        OnboardingEventType.Completed or OnboardingEventType.Failed => null,
        _ => e.Type.ToString().ToLowerInvariant() + Suffix(e.Message),
    };

    private static string Suffix(string? message) => string.IsNullOrEmpty(message) ? "" : ": " + message;
}
