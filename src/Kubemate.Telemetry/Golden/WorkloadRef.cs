namespace Kubemate.Telemetry.Golden;

/// <summary>A workload as telemetry names it: namespace, lower-case kind (deployment, statefulset…) and name.</summary>
public sealed record WorkloadRef(string Namespace, string Kind, string Name)
{
    /// <summary>The source of calls from proxies-less clients (inbound with no mesh identity).</summary>
    public static readonly WorkloadRef Unmeshed = new("", "unmeshed", "unmeshed");

    /// <summary>Stands for the end of an edge in a namespace the viewer may not read: no namespace, no name.</summary>
    public static readonly WorkloadRef Hidden = new("", "hidden", "");

    public string Id => Kind is "unmeshed" or "hidden" ? Kind : $"{Namespace}/{Kind}/{Name}";

    public override string ToString() => Id;
}
