using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Objects;
using Kubemate.Drivers.Linkerd;
using Kubemate.Sandbox.Simulation;
using Kubemate.Sandbox.Simulation.Traffic;
using static Kubemate.Application.Tests.Canary.Controller.CanaryWorld;

namespace Kubemate.Application.Tests.Canary.Controller;

/// <summary>
/// One release, driven through each mesh driver and the Traefik edge: the controller's objects are accepted by the
/// sandbox (which validates them against the upstream CRD schemas and their CEL rules), and the traffic simulator
/// sends the requests by their weights.
/// </summary>
public sealed class ReleaseTrafficDriverTests
{
    public static TheoryData<string, DemoMesh, string, string> Drivers => new()
    {
        { LinkerdDriver.GatewayApiProvider, DemoMesh.Linkerd, "gateway.networking.k8s.io/v1", "HTTPRoute" },
        { LinkerdDriver.SmiV1Alpha2Provider, DemoMesh.Linkerd, "split.smi-spec.io/v1alpha2", "TrafficSplit" },
        { "istio", DemoMesh.Istio, "networking.istio.io/v1", "VirtualService" },
    };

    [Theory]
    [MemberData(nameof(Drivers))]
    public async Task The_mesh_drivers_objects_are_accepted_and_the_simulator_splits_by_their_weights(string provider, DemoMesh mesh, string apiVersion, string kind)
    {
        await using var world = await StartAsync(provider, mesh);
        await world.InstallAsync();
        world.Run();
        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", CanaryControllerTests.Manual(weight: 10)))).Succeeded);

        var type = await new ApiDiscovery(world.Admin).ResolveAsync(apiVersion, kind);
        await Eventually.True(async () => await world.Admin.GetObjectOrNullAsync(type, "orders", "orders", CancellationToken.None) is { } split
            && split["metadata"]?["labels"]?["kubemate.io/canary-release"]?.GetValue<string>() == "orders", $"the {kind} of the release");
        var backends = await Eventually.Until(() => Task.FromResult(TrafficSplitResolver.Resolve(ClusterView.Build(world.Server.Store), "orders", "orders")),
            b => Share(b, "orders-v2") is > 0.09 and < 0.11, $"the simulator splits orders 90/10 by the {kind}");
        Assert.Equal(0.9, Share(backends, "orders-v1"), 3);
    }

    [Fact]
    public async Task At_the_edge_a_weighted_TraefikService_carries_the_split_for_the_routes_that_name_it()
    {
        await using var world = await StartAsync();
        await world.InstallAsync();
        world.Run();
        var spec = CanaryControllerTests.Manual(weight: 10) with { Routing = TrafficRouting.Traefik };
        Assert.True((await world.CreateAsync(Olivia, new ReleaseRequest("orders", "orders", spec))).Succeeded);
        var traefikServices = new ResourceType("traefik.io", "v1alpha1", "TraefikService", "traefikservices", true);
        var weighted = await Eventually.Until(() => world.Admin.GetObjectOrNullAsync(traefikServices, "orders", "orders", CancellationToken.None),
            s => s is not null, "the weighted TraefikService");
        var services = (weighted!["spec"]!["weighted"]!["services"] as JsonArray)!.OfType<JsonObject>()
            .ToDictionary(s => s["name"]!.GetValue<string>(), s => s["weight"]!.GetValue<int>());
        Assert.Equal(new Dictionary<string, int> { ["orders-v1"] = 90, ["orders-v2"] = 10 }, services);

        await world.Admin.CreateObjectAsync(new ResourceType("traefik.io", "v1alpha1", "IngressRoute", "ingressroutes", true), "orders", (JsonObject)JsonNode.Parse("""
            {"apiVersion":"traefik.io/v1alpha1","kind":"IngressRoute","metadata":{"name":"orders","namespace":"orders"},
             "spec":{"entryPoints":["websecure"],"routes":[{"match":"Host(`orders.bank.example`)","kind":"Rule","services":[{"name":"orders","kind":"TraefikService"}]}]}}
            """)!, CancellationToken.None);
        var backends = TraefikServiceSplit.For(ClusterView.Build(world.Server.Store), "orders", "orders");
        Assert.NotNull(backends);
        Assert.Equal(0.1, Share(backends!, "orders-v2"), 3);
    }

    private static double Share(IReadOnlyList<WeightedBackend> backends, string service) =>
        backends.Where(b => b.Service == service).Sum(b => b.Weight) / backends.Sum(b => b.Weight);
}
