using Kubemate.ApiMachinery.FieldManagement;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

/// <summary>Apply with the registry's shapes records what <c>kubectl apply --server-side</c> records on a real cluster.</summary>
public class BuiltInShapeApplyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_deployment_is_owned_as_on_a_real_cluster()
    {
        var config = Json.Parse("""
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "labels": {"app": "web"}},
             "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
              "template": {"metadata": {"labels": {"app": "web"}},
               "spec": {"containers": [{"name": "web", "image": "nginx:1.27",
                 "ports": [{"containerPort": 80}], "resources": {"limits": {"cpu": "500m"}}}]}}}}
            """);

        var result = ServerSideApply.Apply(null, config, "kubectl", force: false, BuiltInShapes.For("apps/v1", "Deployment")!, Now);

        Assert.Equal(
            """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}},"f:resources":{"f:limits":{"f:cpu":{}}}}}}}}}""",
            Json.FieldsOf(result.Object!, "kubectl"));
    }

    [Fact]
    public void A_service_is_owned_as_on_a_real_cluster()
    {
        var config = Json.Parse("""
            {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web", "namespace": "shop"},
             "spec": {"selector": {"app": "web"}, "ports": [{"port": 80, "targetPort": 8080}]}}
            """);

        var result = ServerSideApply.Apply(null, config, "kubectl", force: false, BuiltInShapes.For("v1", "Service")!, Now);

        Assert.Equal(
            """{"f:spec":{"f:ports":{"k:{\"port\":80,\"protocol\":\"TCP\"}":{".":{},"f:port":{},"f:targetPort":{}}},"f:selector":{}}}""",
            Json.FieldsOf(result.Object!, "kubectl"));
    }
}
