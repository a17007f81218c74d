namespace Kubemate.Application.Canary.Releases;

/// <summary>A Service that selects part of the apex Service's pods: one version, with the workloads behind it.</summary>
public sealed record BackendCandidate(string Service, string? Version, IReadOnlyList<string> Workloads, int ReadyPods);

/// <summary>
/// What the wizard proposes for a Service: every candidate backend, and the stable and canary it picks (the oldest
/// and the newest version), with the reason, or why it cannot pick.
/// </summary>
public sealed record BackendProposal(string Namespace, string Service, int? Port, IReadOnlyList<BackendCandidate> Candidates, string? Stable, string? Canary, string Reason);
