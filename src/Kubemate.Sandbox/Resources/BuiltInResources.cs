using Kubemate.ApiMachinery.Structure;

namespace Kubemate.Sandbox.Resources;

/// <summary>The built-in resources the sandbox serves, as a real API server of Kubernetes 1.32 lists them.</summary>
public static class BuiltInResources
{
    public static IReadOnlyList<ResourceType> All { get; } = Build();

    private static IReadOnlyList<ResourceType> Build()
    {
        string[] all = ["all"];
        return
        [
            Res("", "v1", "namespaces", "Namespace", false, ["ns"], sub: ["status", "finalize"], verbs: ["create", "delete", "get", "list", "patch", "update", "watch"]),
            Res("", "v1", "nodes", "Node", false, ["no"], sub: ["status", "proxy"]),
            Res("", "v1", "pods", "Pod", true, ["po"], all, ["status", "log", "proxy", "eviction", "exec"]),
            Res("", "v1", "services", "Service", true, ["svc"], all, ["status", "proxy"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]),
            Res("", "v1", "endpoints", "Endpoints", true, ["ep"]),
            Res("", "v1", "serviceaccounts", "ServiceAccount", true, ["sa"], sub: ["token"]),
            Res("", "v1", "secrets", "Secret", true),
            Res("", "v1", "configmaps", "ConfigMap", true, ["cm"]),
            Res("", "v1", "events", "Event", true, ["ev"]),
            Res("", "v1", "persistentvolumes", "PersistentVolume", false, ["pv"], sub: ["status"]),
            Res("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true, ["pvc"], sub: ["status"]),
            Res("apps", "v1", "deployments", "Deployment", true, ["deploy"], all, ["status", "scale"]),
            Res("apps", "v1", "replicasets", "ReplicaSet", true, ["rs"], all, ["status", "scale"]),
            Res("apps", "v1", "statefulsets", "StatefulSet", true, ["sts"], all, ["status", "scale"]),
            Res("apps", "v1", "daemonsets", "DaemonSet", true, ["ds"], all, ["status"]),
            Res("batch", "v1", "jobs", "Job", true, [], all, ["status"]),
            Res("batch", "v1", "cronjobs", "CronJob", true, ["cj"], all, ["status"]),
            Res("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true, ["netpol"]),
            Res("networking.k8s.io", "v1", "ingresses", "Ingress", true, ["ing"], sub: ["status"]),
            Res("networking.k8s.io", "v1", "ingressclasses", "IngressClass", false),
            Res("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true),
            Res("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
            Res("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
            Res("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
            Res("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
            Res("coordination.k8s.io", "v1", "leases", "Lease", true),
            Res("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, ["pdb"], sub: ["status"]),
            Res("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, ["hpa"], all, ["status"]),
            Res("admissionregistration.k8s.io", "v1", "mutatingwebhookconfigurations", "MutatingWebhookConfiguration", false, categories: ["api-extensions"]),
            Res("admissionregistration.k8s.io", "v1", "validatingwebhookconfigurations", "ValidatingWebhookConfiguration", false, categories: ["api-extensions"]),
            Res("admissionregistration.k8s.io", "v1", "validatingadmissionpolicies", "ValidatingAdmissionPolicy", false, categories: ["api-extensions"], sub: ["status"]),
            Res("admissionregistration.k8s.io", "v1", "validatingadmissionpolicybindings", "ValidatingAdmissionPolicyBinding", false, categories: ["api-extensions"]),
            Res("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, ["crd", "crds"], ["api-extensions"], ["status"]),
            Virtual("authorization.k8s.io", "v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview"),
            Virtual("authorization.k8s.io", "v1", "selfsubjectrulesreviews", "SelfSubjectRulesReview"),
            Virtual("authorization.k8s.io", "v1", "subjectaccessreviews", "SubjectAccessReview", namespaced: false),
            Virtual("authorization.k8s.io", "v1", "localsubjectaccessreviews", "LocalSubjectAccessReview", namespaced: true),
            Virtual("authentication.k8s.io", "v1", "selfsubjectreviews", "SelfSubjectReview"),
            Virtual("authentication.k8s.io", "v1", "tokenreviews", "TokenReview"),
        ];

        ResourceType Res(string group, string version, string plural, string kind, bool namespaced,
            string[]? shortNames = null, string[]? categories = null, string[]? sub = null, string[]? verbs = null) => new()
        {
            Group = group,
            Version = version,
            Plural = plural,
            Kind = kind,
            Namespaced = namespaced,
            Singular = kind.ToLowerInvariant(),
            ShortNames = shortNames ?? [],
            Categories = categories ?? [],
            Subresources = sub ?? [],
            Verbs = verbs ?? ResourceType.StandardVerbs,
            Shape = BuiltInShapes.For(group.Length == 0 ? version : $"{group}/{version}", kind) ?? TypeShape.Unknown,
        };

        ResourceType Virtual(string group, string version, string plural, string kind, bool namespaced = false) => new()
        {
            Group = group,
            Version = version,
            Plural = plural,
            Kind = kind,
            Namespaced = namespaced,
            Singular = kind.ToLowerInvariant(),
            Verbs = ResourceType.CreateOnlyVerbs,
            IsVirtual = true,
        };
    }
}
