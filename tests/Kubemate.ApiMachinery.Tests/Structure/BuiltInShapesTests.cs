using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.Tests.Structure;

public class BuiltInShapesTests
{
    private const string PodSpecOfDeployment = "apps/v1 Deployment spec.template.spec";

    /// <summary>Walks a shape: <c>apps/v1 Deployment spec.template.spec.containers[].ports</c> ("[]" enters list elements).</summary>
    private static TypeShape At(string location)
    {
        var parts = location.Split(' ');
        var shape = BuiltInShapes.For(parts[0], parts[1]) ?? throw new InvalidOperationException($"no shape for {parts[0]} {parts[1]}");
        foreach (var step in parts.Length > 2 ? parts[2].Split('.') : [])
        {
            var isElement = step.EndsWith("[]", StringComparison.Ordinal);
            shape = shape.Field(isElement ? step[..^2] : step);
            if (isElement)
            {
                shape = shape.Element;
            }
        }
        return shape;
    }

    [Theory]
    [InlineData("v1", "Pod")]
    [InlineData("v1", "Service")]
    [InlineData("v1", "Endpoints")]
    [InlineData("v1", "ServiceAccount")]
    [InlineData("v1", "Secret")]
    [InlineData("v1", "ConfigMap")]
    [InlineData("v1", "Namespace")]
    [InlineData("v1", "Event")]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("apps/v1", "ReplicaSet")]
    [InlineData("apps/v1", "StatefulSet")]
    [InlineData("apps/v1", "DaemonSet")]
    [InlineData("batch/v1", "Job")]
    [InlineData("batch/v1", "CronJob")]
    [InlineData("networking.k8s.io/v1", "NetworkPolicy")]
    [InlineData("networking.k8s.io/v1", "Ingress")]
    [InlineData("discovery.k8s.io/v1", "EndpointSlice")]
    [InlineData("rbac.authorization.k8s.io/v1", "Role")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRole")]
    [InlineData("rbac.authorization.k8s.io/v1", "RoleBinding")]
    [InlineData("rbac.authorization.k8s.io/v1", "ClusterRoleBinding")]
    [InlineData("coordination.k8s.io/v1", "Lease")]
    [InlineData("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration")]
    [InlineData("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration")]
    [InlineData("apiextensions.k8s.io/v1", "CustomResourceDefinition")]
    [InlineData("v1", "PersistentVolume")]
    [InlineData("v1", "PersistentVolumeClaim")]
    [InlineData("policy/v1", "PodDisruptionBudget")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler")]
    [InlineData("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy")]
    [InlineData("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding")]
    public void Every_served_built_in_kind_has_a_shape_with_object_metadata(string apiVersion, string kind)
    {
        var shape = BuiltInShapes.For(apiVersion, kind);

        Assert.NotNull(shape);
        Assert.Equal(ListKind.Set, shape.Field("metadata").Field("finalizers").ListKind);
        Assert.Contains((apiVersion, kind), BuiltInShapes.Kinds);
    }

    [Theory]
    [InlineData("v1", "Widget")]
    [InlineData("apps/v1beta1", "Deployment")]
    [InlineData("linkerd.io/v1alpha2", "ServiceProfile")]
    public void Kinds_that_are_not_built_in_have_no_shape(string apiVersion, string kind)
    {
        Assert.Null(BuiltInShapes.For(apiVersion, kind));
    }

    [Theory]
    [InlineData("v1 Pod spec")]
    [InlineData("apps/v1 ReplicaSet spec.template.spec")]
    [InlineData("apps/v1 StatefulSet spec.template.spec")]
    [InlineData("apps/v1 DaemonSet spec.template.spec")]
    [InlineData("batch/v1 Job spec.template.spec")]
    [InlineData("batch/v1 CronJob spec.jobTemplate.spec.template.spec")]
    public void Every_pod_template_shares_one_pod_spec_shape(string location)
    {
        Assert.Same(At(PodSpecOfDeployment), At(location));
    }

    [Theory]
    // location, strategic merge key, patch strategy, apply list type, apply keys
    [InlineData("apps/v1 Deployment spec.template.spec.containers", "name", "merge", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment spec.template.spec.initContainers", "name", "merge", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment spec.template.spec.ephemeralContainers", "name", "merge", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment spec.template.spec.containers[].ports", "containerPort", "merge", ListKind.Map, "containerPort,protocol")]
    [InlineData("apps/v1 Deployment spec.template.spec.containers[].env", "name", "merge", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment spec.template.spec.initContainers[].volumeMounts", "mountPath", "merge", ListKind.Map, "mountPath")]
    [InlineData("apps/v1 Deployment spec.template.spec.containers[].volumeDevices", "devicePath", "merge", ListKind.Map, "devicePath")]
    [InlineData("apps/v1 Deployment spec.template.spec.volumes", "name", "merge,retainKeys", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment spec.template.spec.imagePullSecrets", "name", "merge", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment spec.template.spec.hostAliases", "ip", "merge", ListKind.Map, "ip")]
    [InlineData("apps/v1 Deployment spec.template.spec.topologySpreadConstraints", "topologyKey", "merge", ListKind.Map, "topologyKey,whenUnsatisfiable")]
    [InlineData("apps/v1 Deployment spec.template.spec.resourceClaims", "name", "merge,retainKeys", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment spec.template.spec.schedulingGates", "name", "merge", ListKind.Map, "name")]
    [InlineData("apps/v1 Deployment metadata.ownerReferences", "uid", "merge", ListKind.Map, "uid")]
    [InlineData("apps/v1 Deployment spec.template.metadata.ownerReferences", "uid", "merge", ListKind.Map, "uid")]
    [InlineData("apps/v1 Deployment status.conditions", "type", "merge", ListKind.Map, "type")]
    [InlineData("v1 Pod status.conditions", "type", "merge", ListKind.Map, "type")]
    [InlineData("v1 Service spec.ports", "port", "merge", ListKind.Map, "port,protocol")]
    [InlineData("v1 ServiceAccount secrets", "name", "merge", ListKind.Map, "name")]
    [InlineData("admissionregistration.k8s.io/v1 MutatingWebhookConfiguration webhooks", "name", "merge", ListKind.Map, "name")]
    [InlineData("admissionregistration.k8s.io/v1 ValidatingWebhookConfiguration webhooks[].matchConditions", "name", "merge", ListKind.Map, "name")]
    [InlineData("admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy spec.matchConditions", "name", "merge", ListKind.Map, "name")]
    [InlineData("v1 PersistentVolumeClaim status.conditions", "type", "merge", ListKind.Map, "type")]
    public void Keyed_lists_carry_both_the_patch_merge_key_and_the_apply_keys(
        string location, string mergeKey, string strategy, ListKind listKind, string listMapKeys)
    {
        var shape = At(location);

        Assert.Equal(mergeKey, shape.PatchMergeKey);
        Assert.Equal(strategy, shape.PatchStrategy);
        Assert.Equal(listKind, shape.ListKind);
        Assert.Equal(listMapKeys.Split(','), shape.ListMapKeys);
    }

    [Theory]
    [InlineData("apps/v1 Deployment metadata.managedFields")]
    [InlineData("apps/v1 Deployment spec.template.spec.tolerations")]
    [InlineData("apps/v1 Deployment spec.template.spec.readinessGates")]
    [InlineData("apps/v1 Deployment spec.template.spec.containers[].envFrom")]
    [InlineData("apps/v1 Deployment spec.template.spec.containers[].command")]
    [InlineData("apps/v1 Deployment spec.template.spec.containers[].args")]
    [InlineData("apps/v1 StatefulSet spec.volumeClaimTemplates")]
    [InlineData("networking.k8s.io/v1 NetworkPolicy spec.ingress")]
    [InlineData("networking.k8s.io/v1 NetworkPolicy spec.egress")]
    [InlineData("networking.k8s.io/v1 Ingress spec.rules")]
    [InlineData("discovery.k8s.io/v1 EndpointSlice endpoints")]
    [InlineData("v1 Endpoints subsets")]
    [InlineData("rbac.authorization.k8s.io/v1 ClusterRole rules")]
    [InlineData("rbac.authorization.k8s.io/v1 RoleBinding subjects")]
    [InlineData("apiextensions.k8s.io/v1 CustomResourceDefinition spec.versions")]
    [InlineData("v1 PersistentVolume spec.accessModes")]
    [InlineData("v1 PersistentVolumeClaim spec.accessModes")]
    [InlineData("admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy spec.validations")]
    public void Atomic_lists_have_no_patch_strategy(string location)
    {
        var shape = At(location);

        Assert.Equal(ListKind.Atomic, shape.ListKind);
        Assert.Null(shape.PatchStrategy);
    }

    [Fact]
    public void Finalizers_are_a_merged_set()
    {
        var shape = At("v1 Pod metadata.finalizers");

        Assert.Equal(ListKind.Set, shape.ListKind);
        Assert.Equal("merge", shape.PatchStrategy);
        Assert.Null(shape.PatchMergeKey);
    }

    [Fact]
    public void Policy_binding_actions_are_a_set_for_apply_and_replaced_by_strategic_merge()
    {
        var shape = At("admissionregistration.k8s.io/v1 ValidatingAdmissionPolicyBinding spec.validationActions");

        Assert.Equal(ListKind.Set, shape.ListKind);
        Assert.Null(shape.PatchStrategy);
    }

    [Fact]
    public void Policy_conditions_are_keyed_by_type_for_apply_only()
    {
        var shape = At("admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy status.conditions");

        Assert.Equal(ListKind.Map, shape.ListKind);
        Assert.Equal(["type"], shape.ListMapKeys);
        Assert.Null(shape.PatchStrategy);
    }

    [Fact]
    public void Deployment_strategy_retains_keys()
    {
        Assert.Equal("retainKeys", At("apps/v1 Deployment spec.strategy").PatchStrategy);
    }

    [Fact]
    public void Job_conditions_merge_by_type_but_are_atomic_for_apply()
    {
        var shape = At("batch/v1 Job status.conditions");

        Assert.Equal("type", shape.PatchMergeKey);
        Assert.Equal("merge", shape.PatchStrategy);
        Assert.Equal(ListKind.Atomic, shape.ListKind);
    }

    [Fact]
    public void Container_resource_claims_are_keyed_for_apply_only()
    {
        var shape = At("apps/v1 Deployment spec.template.spec.containers[].resources.claims");

        Assert.Equal(ListKind.Map, shape.ListKind);
        Assert.Equal(["name"], shape.ListMapKeys);
        Assert.Null(shape.PatchStrategy);
    }

    [Theory]
    [InlineData("apps/v1 Deployment spec.selector")]
    [InlineData("batch/v1 Job spec.selector")]
    [InlineData("networking.k8s.io/v1 NetworkPolicy spec.podSelector")]
    [InlineData("apps/v1 Deployment spec.template.spec.nodeSelector")]
    [InlineData("v1 Service spec.selector")]
    [InlineData("apps/v1 Deployment spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution")]
    [InlineData("apps/v1 Deployment spec.template.spec.topologySpreadConstraints[].labelSelector")]
    [InlineData("admissionregistration.k8s.io/v1 MutatingWebhookConfiguration webhooks[].namespaceSelector")]
    [InlineData("apps/v1 Deployment metadata.ownerReferences[]")]
    public void Selectors_and_owner_references_are_atomic_objects(string location)
    {
        Assert.True(At(location).IsAtomicObject);
    }

    [Fact]
    public void Labels_and_annotations_are_granular_maps()
    {
        Assert.False(At("apps/v1 Deployment metadata.labels").IsAtomicObject);
        Assert.False(At("apps/v1 Deployment spec.template.metadata.annotations").IsAtomicObject);
    }

    [Fact]
    public void The_disruption_budget_selector_is_replaced_by_strategic_merge()
    {
        var shape = At("policy/v1 PodDisruptionBudget spec.selector");

        Assert.Equal("replace", shape.PatchStrategy);
        Assert.True(shape.IsAtomicObject);
    }

    [Fact]
    public void Cluster_role_bindings_share_the_role_binding_shape()
    {
        Assert.Same(
            BuiltInShapes.For("rbac.authorization.k8s.io/v1", "RoleBinding"),
            BuiltInShapes.For("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"));
    }
}
