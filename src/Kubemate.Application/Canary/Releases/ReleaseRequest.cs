using Kubemate.Application.Canary.Resource;

namespace Kubemate.Application.Canary.Releases;

/// <summary>A release to create or change: where it lives, its name, and its spec.</summary>
public sealed record ReleaseRequest(string Namespace, string Name, CanaryReleaseSpec Spec);
