using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using Kubemate.Renderers.Tests.Support;

namespace Kubemate.Renderers.Tests.Schemas;

public class CoreKindRoundTripTests
{
    private static readonly Dictionary<string, Func<string, object>> TypedModels = new()
    {
        ["v1/Secret"] = json => KubernetesJson.Deserialize<V1Secret>(json),
        ["v1/ConfigMap"] = json => KubernetesJson.Deserialize<V1ConfigMap>(json),
        ["v1/Service"] = json => KubernetesJson.Deserialize<V1Service>(json),
        ["v1/ServiceAccount"] = json => KubernetesJson.Deserialize<V1ServiceAccount>(json),
        ["apps/v1/Deployment"] = json => KubernetesJson.Deserialize<V1Deployment>(json),
        ["policy/v1/PodDisruptionBudget"] = json => KubernetesJson.Deserialize<V1PodDisruptionBudget>(json),
        ["autoscaling/v2/HorizontalPodAutoscaler"] = json => KubernetesJson.Deserialize<V2HorizontalPodAutoscaler>(json),
        ["networking.k8s.io/v1/NetworkPolicy"] = json => KubernetesJson.Deserialize<V1NetworkPolicy>(json),
        ["rbac.authorization.k8s.io/v1/Role"] = json => KubernetesJson.Deserialize<V1Role>(json),
        ["rbac.authorization.k8s.io/v1/RoleBinding"] = json => KubernetesJson.Deserialize<V1RoleBinding>(json),
        ["rbac.authorization.k8s.io/v1/ClusterRole"] = json => KubernetesJson.Deserialize<V1ClusterRole>(json),
        ["rbac.authorization.k8s.io/v1/ClusterRoleBinding"] = json => KubernetesJson.Deserialize<V1ClusterRoleBinding>(json),
    };

    private static readonly string[] CustomResourceGroups = ["traefik.io", "cert-manager.io", "monitoring.coreos.com"];

    [Fact]
    public void Every_rendered_core_object_survives_the_clients_typed_model_unchanged()
    {
        var core = EveryRenderedObject.All().Where(i => !CustomResourceGroups.Contains(i.Object["apiVersion"]!.GetValue<string>().Split('/')[0])).ToList();
        var failures = new List<string>();
        foreach (var item in core)
        {
            var key = $"{item.Object["apiVersion"]}/{item.Object["kind"]}";
            Assert.True(TypedModels.TryGetValue(key, out var deserialize), $"{EveryRenderedObject.Describe(item)}: no typed model for {key}");
            var typed = deserialize(item.Object.ToJsonString());
            var back = (JsonObject)JsonNode.Parse(KubernetesJson.Serialize(typed))!;
            if (Manifests.Canonical(back) != Manifests.Canonical(item.Object))
            {
                failures.Add($"{EveryRenderedObject.Describe(item)}\n  rendered: {Manifests.Canonical(item.Object)}\n  typed:    {Manifests.Canonical(back)}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        string[] kinds = ["Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy", "Secret", "ConfigMap"];
        Assert.All(kinds, kind => Assert.Contains(core, i => i.Object["kind"]!.GetValue<string>() == kind));
    }
}
