using Kubemate.Sandbox.Protobuf.Schema;
using Kubemate.Sandbox.Protobuf.Types;

namespace Kubemate.Sandbox.Protobuf;

/// <summary>The top-level kinds kubectl 1.32 sends as protobuf that the sandbox can decode.</summary>
public static class ProtobufKinds
{
    private static readonly (string ApiVersion, string Kind, MessageSchema Schema)[] All =
    [
        ("v1", "ConfigMap", CoreV1.ConfigMap),
        ("v1", "Secret", CoreV1.Secret),
        ("v1", "Namespace", CoreV1.Namespace),
        ("v1", "ServiceAccount", CoreV1.ServiceAccount),
        ("v1", "Service", CoreV1.Service),
        ("apps/v1", "Deployment", AppsV1.Deployment),
        ("rbac.authorization.k8s.io/v1", "Role", RbacV1.Role),
        ("rbac.authorization.k8s.io/v1", "ClusterRole", RbacV1.ClusterRole),
        ("rbac.authorization.k8s.io/v1", "RoleBinding", RbacV1.RoleBinding),
        ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", RbacV1.ClusterRoleBinding),
        ("authorization.k8s.io/v1", "SelfSubjectAccessReview", AuthorizationV1.SelfSubjectAccessReview),
        ("authorization.k8s.io/v1", "SelfSubjectRulesReview", AuthorizationV1.SelfSubjectRulesReview),
        ("authorization.k8s.io/v1", "SubjectAccessReview", AuthorizationV1.SubjectAccessReview),
        ("authorization.k8s.io/v1", "LocalSubjectAccessReview", AuthorizationV1.LocalSubjectAccessReview),
        ("authentication.k8s.io/v1", "SelfSubjectReview", AuthenticationV1.SelfSubjectReview),
        ("authentication.k8s.io/v1", "TokenRequest", AuthenticationV1.TokenRequest),
    ];

    private static readonly Dictionary<(string, string), MessageSchema> ByType =
        All.ToDictionary(entry => (entry.ApiVersion, entry.Kind), entry => entry.Schema);

    /// <summary>"apiVersion Kind" of every supported kind, e.g. "apps/v1 Deployment".</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(entry => $"{entry.ApiVersion} {entry.Kind}")];

    public static MessageSchema? Find(string apiVersion, string kind) => ByType.GetValueOrDefault((apiVersion, kind));
}
