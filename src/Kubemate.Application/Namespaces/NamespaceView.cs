using Kubemate.Application.Onboarding;

namespace Kubemate.Application.Namespaces;

/// <summary>
/// A namespace the user may list: its mesh status, or — when Kubernetes does not let the user read its workloads
/// or pods — no status and the cluster's reason.
/// </summary>
public sealed record NamespaceView(string Name, NamespaceMeshStatus? Status, string? ReadDenied);
