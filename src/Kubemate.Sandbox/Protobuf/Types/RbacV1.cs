using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/api/rbac/v1 (Kubernetes 1.32 numbers). Declare a message before its users.</summary>
public static class RbacV1
{
    public static readonly MessageSchema PolicyRule = new("rbac/v1 PolicyRule",
    [
        Field.Strings(1, "verbs", Always),
        Field.Strings(2, "apiGroups"),
        Field.Strings(3, "resources"),
        Field.Strings(4, "resourceNames"),
        Field.Strings(5, "nonResourceURLs"),
    ]);

    public static readonly MessageSchema AggregationRule = new("rbac/v1 AggregationRule",
    [
        Field.Messages(1, "clusterRoleSelectors", MetaV1.LabelSelector),
    ]);

    public static readonly MessageSchema Role = new("rbac/v1 Role",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Messages(2, "rules", PolicyRule, Always),
    ]);

    public static readonly MessageSchema ClusterRole = new("rbac/v1 ClusterRole",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Messages(2, "rules", PolicyRule, Always),
        Field.Message(3, "aggregationRule", AggregationRule),
    ]);

    public static readonly MessageSchema Subject = new("rbac/v1 Subject",
    [
        Field.String(1, "kind", Always),
        Field.String(2, "apiGroup"),
        Field.String(3, "name", Always),
        Field.String(4, "namespace"),
    ]);

    public static readonly MessageSchema RoleRef = new("rbac/v1 RoleRef",
    [
        Field.String(1, "apiGroup", Always),
        Field.String(2, "kind", Always),
        Field.String(3, "name", Always),
    ]);

    public static readonly MessageSchema RoleBinding = new("rbac/v1 RoleBinding",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Messages(2, "subjects", Subject),
        Field.Message(3, "roleRef", RoleRef),
    ]);

    public static readonly MessageSchema ClusterRoleBinding = new("rbac/v1 ClusterRoleBinding",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Messages(2, "subjects", Subject),
        Field.Message(3, "roleRef", RoleRef),
    ]);
}
