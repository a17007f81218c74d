namespace Kubemate.Application.Onboarding;

/// <summary>A namespace's injection switch and its pods with and without the proxy.</summary>
public sealed record NamespaceMeshStatus(string Name, bool InjectionEnabled, int MeshedPods, int TotalPods, IReadOnlyList<WorkloadMeshStatus> Workloads);

/// <summary>
/// One workload's pods with and without the proxy. <see cref="InjectionSource"/> is where its injection setting
/// comes from: <c>namespace</c>, <c>workload</c> (its pod template says so, either way) or <c>none</c>.
/// </summary>
public sealed record WorkloadMeshStatus(string Kind, string Name, int MeshedPods, int TotalPods, string? ProxyVersion, string InjectionSource, bool Injectable, string? SkipReason);
