using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Kubemate.Sandbox.Simulation.Tests.Controllers;

public sealed class ServiceControllerTests : IAsyncLifetime
{
    private SimulatedCluster _cluster = null!;
    private Kubernetes Client => _cluster.Client;

    public async Task InitializeAsync() => _cluster = await SimulatedCluster.StartEmptyAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Endpoints_and_endpoint_slices_follow_the_ready_pods_with_named_ports_resolved()
    {
        var ns = await _cluster.NewNamespaceAsync();
        await Client.CoreV1.CreateNamespacedServiceAsync(Workloads.Service("shop", "shop", "http"), ns);
        await Client.AppsV1.CreateNamespacedDeploymentAsync(Workloads.Deployment("shop", 3), ns);

        var endpoints = await Eventually.Until(() => Client.CoreV1.ReadNamespacedEndpointsAsync("shop", ns),
            e => e.Subsets?.SingleOrDefault()?.Addresses?.Count == 3, "three ready endpoint addresses");
        var subset = Assert.Single(endpoints.Subsets);
        Assert.Equal(("http", 8080, "TCP"), (subset.Ports.Single().Name, subset.Ports.Single().Port, subset.Ports.Single().Protocol));
        var pods = (await Client.CoreV1.ListNamespacedPodAsync(ns)).Items;
        Assert.Equal(pods.Select(p => p.Status.PodIP).Order(), subset.Addresses.Select(a => a.Ip).Order());
        Assert.All(subset.Addresses, a => Assert.Equal("Pod", a.TargetRef.Kind));

        var slice = Assert.Single((await Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns, labelSelector: "kubernetes.io/service-name=shop")).Items);
        Assert.Equal("endpointslice-controller.k8s.io", slice.Metadata.Labels["endpointslice.kubernetes.io/managed-by"]);
        Assert.StartsWith("shop-", slice.Metadata.Name);
        Assert.Equal("IPv4", slice.AddressType);
        Assert.Equal(8080, slice.Ports.Single().Port);
        Assert.Equal(3, slice.Endpoints.Count(e => e.Conditions.Ready == true));
        Assert.Equal("Service", Assert.Single(slice.Metadata.OwnerReferences).Kind);

        await Client.AppsV1.PatchNamespacedDeploymentScaleAsync(new V1Patch("""{"spec":{"replicas":0}}""", V1Patch.PatchType.MergePatch), "shop", ns);
        await Eventually.Until(() => Client.CoreV1.ReadNamespacedEndpointsAsync("shop", ns), e => e.Subsets is null or { Count: 0 }, "no endpoints after scaling to zero");
        await Eventually.Until(async () => (await Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns)).Items.SelectMany(s => s.Endpoints ?? []).Count(),
            n => n == 0, "no slice endpoints after scaling to zero");

        await _cluster.DeleteWithRetryAsync(() => Client.CoreV1.DeleteNamespacedServiceAsync("shop", ns));
        await Eventually.Until(async () => (await Client.CoreV1.ListNamespacedEndpointsAsync(ns)).Items.Count + (await Client.DiscoveryV1.ListNamespacedEndpointSliceAsync(ns)).Items.Count,
            n => n == 0, "endpoints and slices removed with their service");
    }

    [Fact]
    public async Task A_new_service_gets_its_cluster_ip_in_the_create_response_and_headless_stays_none()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var created = await Client.CoreV1.CreateNamespacedServiceAsync(Workloads.Service("api", "api", 8080), ns);
        var ip = IPAddress.Parse(created.Spec.ClusterIP).GetAddressBytes();
        Assert.True(ip[0] == 10 && ip[1] >= 96 && ip[1] <= 111, created.Spec.ClusterIP);
        Assert.Equal([created.Spec.ClusterIP], created.Spec.ClusterIPs);
        Assert.Equal(("ClusterIP", "None", "SingleStack"), (created.Spec.Type, created.Spec.SessionAffinity, created.Spec.IpFamilyPolicy));

        var headless = await Client.CoreV1.CreateNamespacedServiceAsync(Workloads.Service("api-headless", "api", 8080, clusterIp: "None"), ns);
        Assert.Equal("None", headless.Spec.ClusterIP);

        var other = await Client.CoreV1.CreateNamespacedServiceAsync(Workloads.Service("api-2", "api", 8080), ns);
        Assert.NotEqual(created.Spec.ClusterIP, other.Spec.ClusterIP);

        // An update that leaves the cluster IP out keeps it; changing it is refused.
        var replaced = await Client.CoreV1.ReplaceNamespacedServiceAsync(new V1Service
        {
            Metadata = new V1ObjectMeta { Name = "api", ResourceVersion = created.Metadata.ResourceVersion },
            Spec = new V1ServiceSpec { Selector = created.Spec.Selector, Ports = created.Spec.Ports },
        }, "api", ns);
        Assert.Equal(created.Spec.ClusterIP, replaced.Spec.ClusterIP);
    }

    [Fact]
    public async Task Asking_for_a_cluster_ip_that_is_taken_is_refused_with_the_field_named()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var first = await Client.CoreV1.CreateNamespacedServiceAsync(Workloads.Service("one", "one", 8080), ns);
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Client.CoreV1.CreateNamespacedServiceAsync(Workloads.Service("two", "two", 8080, clusterIp: first.Spec.ClusterIP), ns));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, error.Response.StatusCode);
        Assert.Contains("spec.clusterIPs", error.Response.Content);
        Assert.Contains("provided IP is already allocated", error.Response.Content);

        var outside = await Assert.ThrowsAsync<HttpOperationException>(() =>
            Client.CoreV1.CreateNamespacedServiceAsync(Workloads.Service("three", "three", 8080, clusterIp: "192.168.1.1"), ns));
        Assert.Contains("not in the valid range", outside.Response.Content);
    }

    [Fact]
    public async Task A_load_balancer_service_gets_node_ports_and_an_ingress_address()
    {
        var ns = await _cluster.NewNamespaceAsync();
        var service = Workloads.Service("edge", "edge", 8000);
        service.Spec.Type = "LoadBalancer";
        var created = await Client.CoreV1.CreateNamespacedServiceAsync(service, ns);
        Assert.InRange(created.Spec.Ports.Single().NodePort ?? 0, 30000, 32767);
        var withAddress = await Eventually.Until(() => Client.CoreV1.ReadNamespacedServiceAsync("edge", ns),
            s => s.Status?.LoadBalancer?.Ingress?.Count == 1, "a load-balancer ingress address");
        Assert.StartsWith("172.18.255.", withAddress.Status.LoadBalancer.Ingress.Single().Ip);
    }
}
