using Kubemate.Application.Access;
using Kubemate.Application.Onboarding;

namespace Kubemate.WebConsole.Onboarding;

/// <summary>
/// One row of the namespaces page: the mesh status when the user may read the namespace's pods (else
/// <see cref="ReadDenied"/> holds Kubernetes' message), and whether the user may switch injection.
/// </summary>
public sealed record NamespaceRow(string Name, NamespaceMeshStatus? Status, string? ReadDenied, AccessDecision Switch);
