using System.Net;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>
/// The endpoints and endpointslice controllers: for every Service with a selector, an Endpoints object of the same
/// name and EndpointSlices (one per distinct set of resolved ports) listing the selected pods that have an IP —
/// ready ones as ready, the others as not ready (all ready with publishNotReadyAddresses). Services without a
/// selector are left alone, as their endpoints are managed by hand.
/// </summary>
public sealed class EndpointsController : ReconcileLoop
{
    public const string ServiceResource = "/services";
    public const string EndpointsResource = "/endpoints";
    public const string SliceResource = "discovery.k8s.io/endpointslices";
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string SliceManager = "endpointslice-controller.k8s.io";

    protected override IReadOnlyList<string> WatchedResources => [ServiceResource, Workloads.PodResource];

    protected override IEnumerable<ObjectKey> KeysFor(StoreEvent storeEvent)
    {
        var key = storeEvent.Object.Key;
        if (key.Resource == ServiceResource)
        {
            return [key];
        }
        // A pod affects the services of its namespace whose selectors match it now or matched it before.
        var labels = new[] { storeEvent.Object.Object, storeEvent.Previous?.Object }.OfType<JsonObject>().Select(o => o.Labels()).ToList();
        return Store.List(ServiceResource, key.Namespace).Items
            .Where(s => Selector(s.Object) is { } selector && labels.Any(selector.Matches))
            .Select(s => s.Key)
            .ToList();
    }

    protected override void Reconcile(ObjectKey key)
    {
        var service = Store.Get(key)?.Object;
        if (service is null || Owners.IsDeleting(service) || Selector(service) is not { } selector)
        {
            if (service is null)
            {
                Context.Writer.Delete(new ObjectKey(EndpointsResource, key.Namespace, key.Name));
                foreach (var slice in SlicesOf(key))
                {
                    Context.Writer.Delete(slice.Key);
                }
            }
            return;
        }
        var publishNotReady = service.GetBool("spec", "publishNotReadyAddresses") == true;
        var groups = Store.List(Workloads.PodResource, key.Namespace).Items
            .Select(p => p.Object)
            .Where(p => PodState.IsActive(p) && p.GetString("status", "podIP") is not null && selector.Matches(p.Labels()))
            .Select(p => (Pod: p, Ports: ServicePorts.Resolve(service, p)))
            .Where(x => x.Ports is not null)
            .GroupBy(x => PortsKey(x.Ports!))
            .Select(g => new EndpointGroup(g.First().Ports!, g.Select(x => x.Pod).OrderBy(Address, IpOrder.Instance).ToList()))
            .ToList();
        WriteEndpoints(key, service, groups, publishNotReady);
        WriteSlices(key, service, groups, publishNotReady);
    }

    private static LabelSelector? Selector(JsonObject service) =>
        service.At("spec", "selector") is JsonObject { Count: > 0 } selector && service.GetString("spec", "type") != "ExternalName"
            ? LabelSelector.FromJson(selector, "spec.selector")
            : null;

    private void WriteEndpoints(ObjectKey key, JsonObject service, List<EndpointGroup> groups, bool publishNotReady)
    {
        var subsets = new JsonArray();
        foreach (var group in groups)
        {
            var subset = new JsonObject();
            var ready = group.Pods.Where(p => publishNotReady || PodState.IsReady(p)).Select(EndpointAddress).ToArray();
            var notReady = group.Pods.Where(p => !publishNotReady && !PodState.IsReady(p)).Select(EndpointAddress).ToArray();
            if (ready.Length > 0)
            {
                subset["addresses"] = new JsonArray(ready);
            }
            if (notReady.Length > 0)
            {
                subset["notReadyAddresses"] = new JsonArray(notReady);
            }
            subset["ports"] = new JsonArray(group.Ports.Select(p => (JsonNode)p.ToJson()).ToArray());
            subsets.Add(subset);
        }
        var endpointsKey = new ObjectKey(EndpointsResource, key.Namespace, key.Name);
        var labels = LabelsOf(service, includeSliceLabels: false);
        if (Store.Get(endpointsKey) is null)
        {
            var endpoints = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "Endpoints",
                ["metadata"] = new JsonObject { ["name"] = key.Name, ["namespace"] = key.Namespace, ["labels"] = labels },
            };
            if (subsets.Count > 0)
            {
                endpoints["subsets"] = subsets;
            }
            Context.Writer.Create(endpoints, "endpoint-controller");
            return;
        }
        Context.Writer.Update(endpointsKey, next =>
        {
            next.Metadata()["labels"] = labels.DeepClone();
            if (subsets.Count > 0)
            {
                next["subsets"] = subsets.DeepClone();
            }
            else
            {
                next.Remove("subsets");
            }
            return true;
        }, "endpoint-controller");
    }

    private void WriteSlices(ObjectKey key, JsonObject service, List<EndpointGroup> groups, bool publishNotReady)
    {
        var existing = SlicesOf(key).ToList();
        var unused = existing.ToList();
        if (groups.Count == 0)
        {
            groups.Add(new EndpointGroup([], []));
        }
        foreach (var group in groups)
        {
            var ports = new JsonArray(group.Ports.Select(p => (JsonNode)p.ToJson()).ToArray());
            var endpoints = new JsonArray(group.Pods.Select(p => (JsonNode)SliceEndpoint(p, publishNotReady)).ToArray());
            var match = unused.FirstOrDefault(s => JsonNode.DeepEquals(s.Object["ports"] ?? new JsonArray(), ports)) ?? unused.FirstOrDefault();
            if (match is null)
            {
                Context.Writer.Create(new JsonObject
                {
                    ["apiVersion"] = "discovery.k8s.io/v1",
                    ["kind"] = "EndpointSlice",
                    ["metadata"] = new JsonObject
                    {
                        ["generateName"] = key.Name + "-",
                        ["namespace"] = key.Namespace,
                        ["labels"] = LabelsOf(service, includeSliceLabels: true),
                        ["ownerReferences"] = new JsonArray(Owners.ControllerReference(service)),
                    },
                    ["addressType"] = "IPv4",
                    ["endpoints"] = endpoints,
                    ["ports"] = ports,
                }, SliceManager);
                continue;
            }
            unused.Remove(match);
            Context.Writer.Update(match.Key, next =>
            {
                next.Metadata()["labels"] = LabelsOf(service, includeSliceLabels: true);
                next["endpoints"] = endpoints.DeepClone();
                next["ports"] = ports.DeepClone();
                return true;
            }, SliceManager);
        }
        foreach (var slice in unused)
        {
            Context.Writer.Delete(slice.Key);
        }
    }

    private IEnumerable<StoredObject> SlicesOf(ObjectKey service) =>
        Store.List(SliceResource, service.Namespace).Items.Where(s =>
            s.Object.Labels().GetValueOrDefault(ServiceNameLabel) == service.Name
            && s.Object.Labels().GetValueOrDefault(ManagedByLabel) == SliceManager);

    private static JsonObject LabelsOf(JsonObject service, bool includeSliceLabels)
    {
        var labels = new JsonObject();
        foreach (var (name, value) in service.Labels())
        {
            labels[name] = value;
        }
        if (includeSliceLabels)
        {
            labels[ServiceNameLabel] = service.Name();
            labels[ManagedByLabel] = SliceManager;
        }
        if (service.GetString("spec", "clusterIP") == "None")
        {
            labels["service.kubernetes.io/headless"] = "";
        }
        return labels;
    }

    private static JsonObject EndpointAddress(JsonObject pod)
    {
        var address = new JsonObject { ["ip"] = Address(pod) };
        if (pod.GetString("spec", "hostname") is { } hostname && pod.GetString("spec", "subdomain") is not null)
        {
            address["hostname"] = hostname;
        }
        address["nodeName"] = pod.GetString("spec", "nodeName");
        address["targetRef"] = TargetRef(pod);
        return address;
    }

    private static JsonObject SliceEndpoint(JsonObject pod, bool publishNotReady)
    {
        var ready = publishNotReady || PodState.IsReady(pod);
        var endpoint = new JsonObject
        {
            ["addresses"] = new JsonArray(Address(pod)),
            ["conditions"] = new JsonObject { ["ready"] = ready, ["serving"] = PodState.IsReady(pod), ["terminating"] = false },
        };
        if (pod.GetString("spec", "hostname") is { } hostname && pod.GetString("spec", "subdomain") is not null)
        {
            endpoint["hostname"] = hostname;
        }
        endpoint["nodeName"] = pod.GetString("spec", "nodeName");
        endpoint["targetRef"] = TargetRef(pod);
        return endpoint;
    }

    private static JsonObject TargetRef(JsonObject pod) => new()
    {
        ["kind"] = "Pod",
        ["namespace"] = pod.Namespace(),
        ["name"] = pod.Name(),
        ["uid"] = pod.GetString("metadata", "uid"),
    };

    private static string Address(JsonObject pod) => pod.GetString("status", "podIP") ?? "";

    private static string PortsKey(IReadOnlyList<EndpointPort> ports) => string.Join(",", ports.Select(p => $"{p.Name}/{p.Port}/{p.Protocol}"));

    private sealed record EndpointGroup(IReadOnlyList<EndpointPort> Ports, List<JsonObject> Pods);

    /// <summary>Numeric IPv4 order, so 10.244.0.9 comes before 10.244.0.10.</summary>
    private sealed class IpOrder : IComparer<string>
    {
        public static readonly IpOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (IPAddress.TryParse(x, out var a) && IPAddress.TryParse(y, out var b))
            {
                var left = a.GetAddressBytes();
                var right = b.GetAddressBytes();
                for (var i = 0; i < Math.Min(left.Length, right.Length); i++)
                {
                    if (left[i] != right[i])
                    {
                        return left[i].CompareTo(right[i]);
                    }
                }
                return left.Length.CompareTo(right.Length);
            }
            return string.CompareOrdinal(x, y);
        }
    }
}
