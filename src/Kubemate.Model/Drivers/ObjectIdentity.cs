using System.Text.Json.Nodes;
using Kubemate.Model.Kube;

namespace Kubemate.Model.Drivers;

/// <summary>
/// Names one Kubernetes object regardless of its API version: <c>Server.policy.linkerd.io/shop/payment</c>,
/// <c>Service/shop/payment</c>, <c>Namespace/shop</c>.
/// </summary>
public static class ObjectIdentity
{
    public static string Of(JsonObject obj)
    {
        var group = KubeJson.Group(obj);
        var kind = group.Length == 0 ? KubeJson.Kind(obj) : $"{KubeJson.Kind(obj)}.{group}";
        var ns = KubeJson.Namespace(obj);
        return ns is null ? $"{kind}/{KubeJson.Name(obj)}" : $"{kind}/{ns}/{KubeJson.Name(obj)}";
    }
}
