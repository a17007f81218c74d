using System.Text.Json.Nodes;
using Kubemate.Sandbox.Auth;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>
/// The demo estate's people: alice runs the platform (cluster-admin), olivia owns the orders team's namespace
/// (admin in <c>orders</c>, read-only namespaces elsewhere), audrey audits (view everywhere). Their passwords are
/// fixed and documented: this is a local demo sandbox on loopback, not a place for secrets.
/// </summary>
public static class DemoUsers
{
    public static IReadOnlyList<SandboxUserSpec> Specs { get; } =
    [
        new("alice", ["platform-admins"], "alice-demo", "platform administrator (cluster-admin)"),
        new("olivia", ["team-orders"], "olivia-demo", "orders team owner (admin in namespace orders)"),
        new("audrey", ["auditors"], "audrey-demo", "auditor (view, cluster-wide)"),
    ];

    /// <summary>The RBAC that gives each demo group its rights.</summary>
    public static IReadOnlyList<JsonObject> Rbac() => Manifests.Parse("""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: platform-admins
          labels: {app.kubernetes.io/part-of: kubemate-demo}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: platform-admins}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: team-orders-admin
          namespace: orders
          labels: {app.kubernetes.io/part-of: kubemate-demo}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: admin}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-orders}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: namespace-reader
          labels: {app.kubernetes.io/part-of: kubemate-demo}
        rules:
        - apiGroups: [""]
          resources: [namespaces]
          verbs: [get, list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: team-orders-namespace-reader
          labels: {app.kubernetes.io/part-of: kubemate-demo}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: namespace-reader}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-orders}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: namespace-orders-owner
          labels: {app.kubernetes.io/part-of: kubemate-demo}
        rules:
        - apiGroups: [""]
          resources: [namespaces]
          resourceNames: [orders]
          verbs: [patch, update]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: team-orders-namespace-owner
          labels: {app.kubernetes.io/part-of: kubemate-demo}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: namespace-orders-owner}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: team-orders}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: auditors-view
          labels: {app.kubernetes.io/part-of: kubemate-demo}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: auditors}
        """);
}
