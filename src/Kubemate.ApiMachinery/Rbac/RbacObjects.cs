using Kubemate.ApiMachinery.Selectors;

namespace Kubemate.ApiMachinery.Rbac;

internal sealed record RbacSubject(string Kind, string Name, string Namespace);

internal sealed record RbacRoleRef(string Kind, string Name);

/// <summary>A RoleBinding (with its namespace) or a ClusterRoleBinding (empty namespace).</summary>
internal sealed record RbacBinding(string Kind, string Name, string Namespace, RbacRoleRef RoleRef, IReadOnlyList<RbacSubject> Subjects);

/// <summary>A Role (with its namespace) or a ClusterRole; aggregated ClusterRoles carry their selectors.</summary>
internal sealed record RbacRole(
    string Kind,
    string Name,
    string Namespace,
    IReadOnlyList<PolicyRule> Rules,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<LabelSelector>? AggregationSelectors);
