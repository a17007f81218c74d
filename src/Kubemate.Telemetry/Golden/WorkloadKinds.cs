namespace Kubemate.Telemetry.Golden;

/// <summary>The workload kinds telemetry names (lower case), in the order a pod's owner is looked for.</summary>
public static class WorkloadKinds
{
    public static IReadOnlyList<string> All { get; } = ["deployment", "statefulset", "daemonset", "cronjob", "job", "replicaset", "replicationcontroller"];

    public static bool IsKnown(string kind) => All.Contains(kind);

    internal static int Precedence(string kind) => All.ToList().IndexOf(kind) is var i and >= 0 ? i : int.MaxValue;
}
