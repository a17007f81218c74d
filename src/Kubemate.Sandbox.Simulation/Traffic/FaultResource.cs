namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>A namespaced kind the fault commands read or write, as discovery names it.</summary>
public sealed record FaultResource(string Group, string Version, string Kind, string Plural)
{
    public static readonly FaultResource TrafficFault = new(TrafficFaultCrd.Group, TrafficFaultCrd.Version, TrafficFaultCrd.Kind, TrafficFaultCrd.Plural);
    public static readonly FaultResource Deployment = new("apps", "v1", "Deployment", "deployments");
    public static readonly FaultResource StatefulSet = new("apps", "v1", "StatefulSet", "statefulsets");
    public static readonly FaultResource Service = new("", "v1", "Service", "services");
}
