namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>Durations as Linkerd's annotations and the fault command write them: <c>2s</c>, <c>500ms</c>, <c>1m30s</c>, <c>1.5s</c>.</summary>
public static class GoDuration
{
    /// <summary>The duration in milliseconds, or null when <paramref name="text"/> is not a positive duration.</summary>
    public static double? TryParseMs(string? text) =>
        !string.IsNullOrWhiteSpace(text) && Injection.GoDuration.TryParseSeconds(text, out var seconds) && seconds > 0 ? seconds * 1000 : null;
}
