namespace Kubemate.Telemetry.Golden;

/// <summary>A workload as telemetry names it: namespace, lower-case kind (deployment, statefulset…) and name.</summary>
public sealed record WorkloadRef(string Namespace, string Kind, string Name)
{
    /// <summary>The source of calls from proxies-less clients (inbound with no mesh identity).</summary>
    public static readonly WorkloadRef Unmeshed = new("", "unmeshed", "unmeshed");

    public string Id => Kind == "unmeshed" ? "unmeshed" : $"{Namespace}/{Kind}/{Name}";

    public override string ToString() => Id;
}
