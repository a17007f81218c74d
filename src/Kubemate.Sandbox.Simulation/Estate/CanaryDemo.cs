using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>
/// The canary of the demo bank's orders, for canary-release work and tests: Deployment <c>orders/orders-v2</c> (the
/// orders Deployment with image 2.4.0, pods labelled <c>app=orders, version=v2</c>) and Service <c>orders/orders-v2</c>
/// selecting them. The apex Service <c>orders</c> selects <c>app=orders</c>, so without a traffic split the canary
/// takes its share by pod count, as on Kubernetes.
/// </summary>
public static class CanaryDemo
{
    public const string Namespace = "orders";
    public const string Name = "orders-v2";
    public const string Version = "2.4.0";

    /// <summary>The Deployment (first) and the Service of the canary.</summary>
    public static IReadOnlyList<JsonObject> OrdersV2Objects(int replicas = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var stable = BankApplications.Objects()
            .Single(o => o.GetString("kind") == "Deployment" && o.Namespace() == Namespace && o.Name() == "orders");
        var deployment = stable.DeepClone().AsObject();
        var metadata = deployment.Obj("metadata");
        metadata["name"] = Name;
        metadata.Obj("labels")["app.kubernetes.io/version"] = Version;
        metadata.Obj("annotations")["kubernetes.io/change-cause"] = $"canary release {Version}";
        var spec = deployment.Obj("spec");
        spec["replicas"] = replicas;
        spec["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = "orders", ["version"] = "v2" } };
        var template = spec.Obj("template");
        template.Obj("metadata").Obj("labels")["version"] = "v2";
        foreach (var container in (template.At("spec", "containers") as JsonArray ?? []).OfType<JsonObject>().Where(c => c.GetString("name") == "orders"))
        {
            container["image"] = $"{BankApplications.Registry}/orders:{Version}";
        }
        var service = Manifests.Parse($$"""
            apiVersion: v1
            kind: Service
            metadata:
              name: {{Name}}
              namespace: {{Namespace}}
              labels: {app: orders, version: v2, app.kubernetes.io/part-of: kubemate-bank}
            spec:
              selector: {app: orders, version: v2}
              ports:
              - {name: http, port: 8080, targetPort: http}
            """).Single();
        return [deployment, service];
    }
}
