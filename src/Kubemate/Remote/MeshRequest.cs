using Kubemate.Application.Onboarding;

namespace Kubemate.Remote;

/// <summary>Turn the mesh on or off for a namespace, or for one workload of it (<c>Kind/Name</c>).</summary>
public sealed record MeshRequest(string Namespace, bool Enable)
{
    /// <summary><c>Deployment/orders</c>; null for every workload of the namespace.</summary>
    public WorkloadKey? Workload { get; init; }

    public int? MaxConcurrency { get; init; }

    /// <summary>Mesh driver provider, e.g. <c>linkerd</c> or <c>istio</c>.</summary>
    public string Provider { get; init; } = "linkerd";
}
