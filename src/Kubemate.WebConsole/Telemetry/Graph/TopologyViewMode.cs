namespace Kubemate.WebConsole.Telemetry.Graph;

/// <summary>What the topology draws a node for.</summary>
public enum TopologyViewMode
{
    Workloads,
    Namespaces,
}

/// <summary>
/// When the namespace view is shown by itself: more than <see cref="MaxWorkloads"/> workloads pass the filter (beyond
/// that the drawing is unreadable and heavy for the browser) and they span more than one namespace (a single namespace
/// would be one node, hiding what the user asked for). The user's own choice wins, up to <see cref="MaxDrawnWorkloads"/>.
/// </summary>
public static class TopologyViewRule
{
    public const int MaxWorkloads = 150;

    /// <summary>
    /// The most workloads the workload view draws across namespaces. Measured at 2,000 workloads and 20,000 calls, one
    /// such page took 5 s and 33 MB over the circuit and held about 230 MiB of server memory per session
    /// (docs/console-figures.md); a bank's console is shared, so one tab must not be able to cost that.
    /// </summary>
    public const int MaxDrawnWorkloads = 400;

    public static bool CanDrawWorkloads(int shownNodes, int shownNamespaces) => shownNodes <= MaxDrawnWorkloads || shownNamespaces <= 1;

    public static TopologyViewMode Choose(int shownNodes, int shownNamespaces, TopologyViewMode? chosen) =>
        !CanDrawWorkloads(shownNodes, shownNamespaces) ? TopologyViewMode.Namespaces
        : chosen ?? (shownNodes > MaxWorkloads && shownNamespaces > 1 ? TopologyViewMode.Namespaces : TopologyViewMode.Workloads);
}
