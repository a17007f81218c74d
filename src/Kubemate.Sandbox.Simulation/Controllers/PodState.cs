using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>What controllers read from a pod's status: phase, readiness, availability.</summary>
public static class PodState
{
    public static string Phase(JsonObject pod) => pod.GetString("status", "phase") ?? "Pending";

    /// <summary>Not finished (Succeeded/Failed) and not being deleted: counts toward a controller's replicas.</summary>
    public static bool IsActive(JsonObject pod) => Phase(pod) is not ("Succeeded" or "Failed") && !Owners.IsDeleting(pod);

    public static bool IsReady(JsonObject pod) => ReadyCondition(pod)?.GetString("status") == "True";

    /// <summary>Ready for at least <paramref name="minReadySeconds"/>, as Deployments and ReplicaSets count availability.</summary>
    public static bool IsAvailable(JsonObject pod, long minReadySeconds, DateTimeOffset now)
    {
        if (!IsReady(pod))
        {
            return false;
        }
        if (minReadySeconds <= 0)
        {
            return true;
        }
        return ReadySince(pod) is { } since && since.AddSeconds(minReadySeconds) <= now;
    }

    /// <summary>How long until a ready pod becomes available, or null when it is available or not ready.</summary>
    public static TimeSpan? UntilAvailable(JsonObject pod, long minReadySeconds, DateTimeOffset now)
    {
        if (!IsReady(pod) || minReadySeconds <= 0 || ReadySince(pod) is not { } since)
        {
            return null;
        }
        var due = since.AddSeconds(minReadySeconds);
        return due > now ? due - now : null;
    }

    public static DateTimeOffset? ReadySince(JsonObject pod) =>
        ReadyCondition(pod)?.GetString("lastTransitionTime") is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since)
            ? since
            : null;

    private static JsonObject? ReadyCondition(JsonObject pod) =>
        (pod.At("status", "conditions") as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => c.GetString("type") == "Ready");
}
