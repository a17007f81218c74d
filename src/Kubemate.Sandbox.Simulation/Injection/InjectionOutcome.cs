using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection;

/// <summary>
/// What a sidecar injector decided for one pod: the pod to store (always a new object, mutated only when
/// <see cref="Injected"/>), why, and any annotation values it could not honour.
/// </summary>
public sealed record InjectionOutcome
{
    public required bool Injected { get; init; }

    public required JsonObject Pod { get; init; }

    /// <summary>Why the pod was skipped (Linkerd's wording where Linkerd has one), or how injection was enabled.</summary>
    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Problems that did not stop the decision, each naming the field path and the reason.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string Reason => string.Join(", ", Reasons);

    public static InjectionOutcome InjectedPod(JsonObject pod, string reason, IReadOnlyList<string> warnings) =>
        new() { Injected = true, Pod = pod, Reasons = [reason], Warnings = warnings };

    public static InjectionOutcome Skipped(JsonObject pod, IReadOnlyList<string> reasons, IReadOnlyList<string>? warnings = null) =>
        new() { Injected = false, Pod = pod, Reasons = reasons, Warnings = warnings ?? [] };
}
