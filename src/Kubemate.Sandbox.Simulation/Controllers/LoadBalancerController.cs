using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// A stand-in for a cloud or MetalLB load balancer: every Service of type LoadBalancer gets an ingress IP from
/// 172.18.255.200–254 in <c>status.loadBalancer</c>, unique among services, kept while the service keeps its type.
/// </summary>
public sealed class LoadBalancerController : ReconcileLoop
{
    private const string Prefix = "172.18.255.";
    private const int First = 200;
    private const int Last = 254;

    protected override IReadOnlyList<string> WatchedResources => [EndpointsController.ServiceResource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent) =>
        storeEvent.Type == StoreEventType.Deleted ? [] : [storeEvent.Object.Key];

    protected override void Reconcile(ObjectKey key)
    {
        var service = Store.Get(key)?.Object;
        if (service is null)
        {
            return;
        }
        var isLoadBalancer = service.GetString("spec", "type") == "LoadBalancer";
        var current = IngressIp(service);
        if (isLoadBalancer == current is not null)
        {
            return;
        }
        var address = isLoadBalancer ? FreeAddress() : null;
        Context.Writer.Update(key, next =>
        {
            var status = next.Obj("status");
            status["loadBalancer"] = address is null
                ? new JsonObject()
                : new JsonObject { ["ingress"] = new JsonArray(new JsonObject { ["ip"] = address, ["ipMode"] = "VIP" }) };
            return true;
        }, "service-controller", "status");
    }

    private string? FreeAddress()
    {
        var used = Store.List(EndpointsController.ServiceResource).Items.Select(s => IngressIp(s.Object)).OfType<string>().ToHashSet();
        for (var i = First; i <= Last; i++)
        {
            if (!used.Contains(Prefix + i))
            {
                return Prefix + i;
            }
        }
        Logger.LogWarning("no free load-balancer address left in {First}-{Last}", Prefix + First, Prefix + Last);
        return null;
    }

    private static string? IngressIp(JsonObject service) =>
        (service.At("status", "loadBalancer", "ingress") as JsonArray ?? []).OfType<JsonObject>().Select(i => i.GetString("ip")).FirstOrDefault(ip => ip is not null);
}
