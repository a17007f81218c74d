namespace Kubemate.WebConsole.Telemetry;

/// <summary>Addresses of the telemetry pages.</summary>
public static class WorkloadLinks
{
    public static string Dashboard(string ns, string kind, string name) =>
        $"/workloads/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(kind)}/{Uri.EscapeDataString(name)}";

    public static string Topology => "/topology";

    /// <summary>The topology showing one namespace.</summary>
    public static string TopologyOf(string ns) => $"/topology?namespace={Uri.EscapeDataString(ns)}";
}
