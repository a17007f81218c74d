using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox;

/// <summary>
/// What every cluster has before anyone writes: the system namespaces and the default RBAC roles and bindings
/// (cluster-admin; admin, edit and view aggregated as on a real cluster — admin from edit and the RBAC-editing rules,
/// edit from view and its own rules, view from its rules — so that a custom resource's roles labelled
/// <c>aggregate-to-view|edit|admin</c> extend them; discovery for all authenticated users). Created only when missing.
/// </summary>
public static class SystemObjects
{
    private static readonly string[] SystemNamespaces = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static void Ensure(ObjectStore store, TimeProvider clock)
    {
        var now = ObjectLifecycle.Timestamp(clock.GetUtcNow());
        foreach (var ns in SystemNamespaces)
        {
            CreateIfMissing(store, new ObjectKey("/namespaces", "", ns), new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Namespace",
                ["metadata"] = new JsonObject { ["name"] = ns, ["labels"] = new JsonObject { ["kubernetes.io/metadata.name"] = ns } },
                ["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") },
                ["status"] = new JsonObject { ["phase"] = "Active" },
            }, now);
        }
        foreach (var document in YamlJson.ExpandLists(YamlJson.ParseDocuments(DefaultRbac)))
        {
            var kind = document["kind"]!.GetValue<string>();
            var resource = kind == "ClusterRole" ? "rbac.authorization.k8s.io/clusterroles" : "rbac.authorization.k8s.io/clusterrolebindings";
            CreateIfMissing(store, new ObjectKey(resource, "", document["metadata"]!["name"]!.GetValue<string>()), document, now);
        }
    }

    private static void CreateIfMissing(ObjectStore store, ObjectKey key, JsonObject obj, string now)
    {
        if (store.Get(key) is not null)
        {
            return;
        }
        var metadata = (JsonObject)obj["metadata"]!;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = now;
        store.Create(key, obj);
    }

    private const string DefaultRbac = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: cluster-admin
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
        rules:
        - apiGroups: ["*"]
          resources: ["*"]
          verbs: ["*"]
        - nonResourceURLs: ["*"]
          verbs: ["*"]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: view
          labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-edit: "true"}
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels: {rbac.authorization.k8s.io/aggregate-to-view: "true"}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: system:aggregate-to-view
          labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-view: "true"}
        rules:
        - apiGroups: [""]
          resources: [pods, pods/log, pods/status, services, services/status, endpoints, configmaps, serviceaccounts, events, namespaces, namespaces/status, persistentvolumeclaims, persistentvolumeclaims/status, replicationcontrollers, resourcequotas, limitranges]
          verbs: [get, list, watch]
        - apiGroups: [apps]
          resources: [deployments, deployments/scale, deployments/status, replicasets, replicasets/scale, replicasets/status, statefulsets, statefulsets/scale, statefulsets/status, daemonsets, daemonsets/status, controllerrevisions]
          verbs: [get, list, watch]
        - apiGroups: [batch]
          resources: [jobs, jobs/status, cronjobs, cronjobs/status]
          verbs: [get, list, watch]
        - apiGroups: [autoscaling]
          resources: [horizontalpodautoscalers, horizontalpodautoscalers/status]
          verbs: [get, list, watch]
        - apiGroups: [policy]
          resources: [poddisruptionbudgets, poddisruptionbudgets/status]
          verbs: [get, list, watch]
        - apiGroups: [networking.k8s.io]
          resources: [ingresses, ingresses/status, networkpolicies]
          verbs: [get, list, watch]
        - apiGroups: [discovery.k8s.io]
          resources: [endpointslices]
          verbs: [get, list, watch]
        - apiGroups: [coordination.k8s.io]
          resources: [leases]
          verbs: [get, list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: edit
          labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-admin: "true"}
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels: {rbac.authorization.k8s.io/aggregate-to-edit: "true"}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: system:aggregate-to-edit
          labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-edit: "true"}
        rules:
        - apiGroups: [""]
          resources: [pods, pods/log, pods/status, pods/proxy, pods/exec, pods/eviction, services, services/proxy, endpoints, configmaps, secrets, serviceaccounts, events, persistentvolumeclaims]
          verbs: [create, delete, deletecollection, get, list, patch, update, watch]
        - apiGroups: [""]
          resources: [namespaces, namespaces/status]
          verbs: [get, list, watch]
        - apiGroups: [apps]
          resources: [deployments, deployments/scale, deployments/status, replicasets, replicasets/scale, statefulsets, statefulsets/scale, daemonsets, controllerrevisions]
          verbs: [create, delete, deletecollection, get, list, patch, update, watch]
        - apiGroups: [batch]
          resources: [jobs, cronjobs]
          verbs: [create, delete, deletecollection, get, list, patch, update, watch]
        - apiGroups: [autoscaling]
          resources: [horizontalpodautoscalers]
          verbs: [create, delete, deletecollection, get, list, patch, update, watch]
        - apiGroups: [policy]
          resources: [poddisruptionbudgets]
          verbs: [create, delete, deletecollection, get, list, patch, update, watch]
        - apiGroups: [networking.k8s.io]
          resources: [ingresses, networkpolicies]
          verbs: [create, delete, deletecollection, get, list, patch, update, watch]
        - apiGroups: [discovery.k8s.io]
          resources: [endpointslices]
          verbs: [get, list, watch]
        - apiGroups: [coordination.k8s.io]
          resources: [leases]
          verbs: [create, delete, get, list, patch, update, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: admin
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
        aggregationRule:
          clusterRoleSelectors:
          - matchLabels: {rbac.authorization.k8s.io/aggregate-to-admin: "true"}
        rules: []
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: system:aggregate-to-admin
          labels: {kubernetes.io/bootstrapping: rbac-defaults, rbac.authorization.k8s.io/aggregate-to-admin: "true"}
        rules:
        - apiGroups: [rbac.authorization.k8s.io]
          resources: [roles, rolebindings]
          verbs: [create, delete, deletecollection, get, list, patch, update, watch]
        - apiGroups: [authorization.k8s.io]
          resources: [localsubjectaccessreviews]
          verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: system:basic-user
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
        rules:
        - apiGroups: [authorization.k8s.io]
          resources: [selfsubjectaccessreviews, selfsubjectrulesreviews]
          verbs: [create]
        - apiGroups: [authentication.k8s.io]
          resources: [selfsubjectreviews]
          verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: system:discovery
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
        rules:
        - nonResourceURLs: [/api, /api/*, /apis, /apis/*, /healthz, /livez, /openapi, /openapi/*, /readyz, /version, /version/]
          verbs: [get]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: cluster-admin
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:masters"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: system:basic-user
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:basic-user}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: system:discovery
          labels: {kubernetes.io/bootstrapping: rbac-defaults}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: system:discovery}
        subjects:
        - {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:authenticated"}
        """;
}
