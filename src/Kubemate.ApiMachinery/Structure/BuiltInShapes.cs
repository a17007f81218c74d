namespace Kubemate.ApiMachinery.Structure;

/// <summary>
/// The merge-relevant shapes of the built-in kinds the sandbox serves, as the Kubernetes Go types and their OpenAPI
/// declare them: strategic merge patch strategies and merge keys, and server-side apply list types and keys.
/// Sub-trees are shared: every pod template holds the same PodSpec shape.
/// </summary>
public static partial class BuiltInShapes
{
    private static readonly Lazy<IReadOnlyDictionary<(string ApiVersion, string Kind), TypeShape>> Registry = new(Build);

    /// <summary>The kinds with a registered shape.</summary>
    public static IReadOnlyCollection<(string ApiVersion, string Kind)> Kinds => [.. Registry.Value.Keys];

    /// <summary>The shape of a built-in kind, or null when the kind is not built in (a custom resource, or unknown).</summary>
    public static TypeShape? For(string apiVersion, string kind) =>
        Registry.Value.TryGetValue((apiVersion, kind), out var shape) ? shape : null;

    private static IReadOnlyDictionary<(string, string), TypeShape> Build() => new Dictionary<(string, string), TypeShape>
    {
        [("v1", "Pod")] = Core.Pod,
        [("v1", "Service")] = Core.Service,
        [("v1", "Endpoints")] = Core.Endpoints,
        [("v1", "ServiceAccount")] = Core.ServiceAccount,
        [("v1", "Secret")] = Core.Secret,
        [("v1", "ConfigMap")] = Core.ConfigMap,
        [("v1", "Namespace")] = Core.Namespace,
        [("v1", "Event")] = Core.Event,
        [("v1", "PersistentVolume")] = Storage.PersistentVolume,
        [("v1", "PersistentVolumeClaim")] = Storage.PersistentVolumeClaim,
        [("events.k8s.io/v1", "Event")] = Core.Event,
        [("apps/v1", "Deployment")] = Workloads.Deployment,
        [("apps/v1", "ReplicaSet")] = Workloads.ReplicaSet,
        [("apps/v1", "StatefulSet")] = Workloads.StatefulSet,
        [("apps/v1", "DaemonSet")] = Workloads.DaemonSet,
        [("batch/v1", "Job")] = Workloads.Job,
        [("batch/v1", "CronJob")] = Workloads.CronJob,
        [("networking.k8s.io/v1", "NetworkPolicy")] = Networking.NetworkPolicy,
        [("networking.k8s.io/v1", "Ingress")] = Networking.Ingress,
        [("discovery.k8s.io/v1", "EndpointSlice")] = Networking.EndpointSlice,
        [("rbac.authorization.k8s.io/v1", "Role")] = Cluster.Role,
        [("rbac.authorization.k8s.io/v1", "ClusterRole")] = Cluster.ClusterRole,
        [("rbac.authorization.k8s.io/v1", "RoleBinding")] = Cluster.RoleBinding,
        [("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")] = Cluster.RoleBinding,
        [("coordination.k8s.io/v1", "Lease")] = Cluster.Lease,
        [("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration")] = Cluster.WebhookConfiguration,
        [("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration")] = Cluster.WebhookConfiguration,
        [("apiextensions.k8s.io/v1", "CustomResourceDefinition")] = Cluster.CustomResourceDefinition,
        [("policy/v1", "PodDisruptionBudget")] = Cluster.PodDisruptionBudget,
        [("autoscaling/v2", "HorizontalPodAutoscaler")] = Cluster.HorizontalPodAutoscaler,
        [("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy")] = Cluster.ValidatingAdmissionPolicy,
        [("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding")] = Cluster.ValidatingAdmissionPolicyBinding,
    };
}
