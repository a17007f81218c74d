using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>Mesh authorization turns denied calls into 403s; NetworkPolicy makes them fail at the caller.</summary>
public sealed class PolicyTests
{
    private const string FrontendIdentity = "frontend.web.serviceaccount.identity.linkerd.cluster.local";

    [Fact]
    public async Task A_server_without_an_authorization_denies_with_403_until_a_policy_allows_the_caller()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await cluster.CreateAsync("/apis/policy.linkerd.io/v1beta3/namespaces/orders/servers", """
            {"apiVersion":"policy.linkerd.io/v1beta3","kind":"Server","metadata":{"name":"orders-http","namespace":"orders"},
             "spec":{"podSelector":{"matchLabels":{"app":"orders"}},"port":"http","proxyProtocol":"HTTP/1"}}
            """);
        cluster.Tick(10);

        var orders = await cluster.ScrapeAppAsync("orders", "orders");
        var frontend = await cluster.ScrapeAppAsync("web", "frontend");
        bool Denied(Sample s) => s.Label("srv_kind") == "server" && s.Label("srv_name") == "orders-http";
        Assert.Equal(200, orders.Sum("inbound_http_authz_deny_total", Denied));
        Assert.All(orders.Where(s => s.Name == "inbound_http_authz_deny_total"), s => Assert.Equal(FrontendIdentity, s.Label("client_id")));
        Assert.Equal(200, orders.Sum("response_total", s => s.Label("direction") == "inbound" && s.Label("status_code") == "403"));
        Assert.Equal(200, frontend.Sum("response_total", s => s.Label("dst_service") == "orders" && s.Label("status_code") == "403"));

        await cluster.CreateAsync("/apis/policy.linkerd.io/v1alpha1/namespaces/orders/meshtlsauthentications", """
            {"apiVersion":"policy.linkerd.io/v1alpha1","kind":"MeshTLSAuthentication","metadata":{"name":"frontend","namespace":"orders"},
             "spec":{"identities":["*.web.serviceaccount.identity.linkerd.cluster.local"]}}
            """);
        await cluster.CreateAsync("/apis/policy.linkerd.io/v1alpha1/namespaces/orders/authorizationpolicies", """
            {"apiVersion":"policy.linkerd.io/v1alpha1","kind":"AuthorizationPolicy","metadata":{"name":"orders-from-frontend","namespace":"orders"},
             "spec":{"targetRef":{"group":"policy.linkerd.io","kind":"Server","name":"orders-http"},
                     "requiredAuthenticationRefs":[{"group":"policy.linkerd.io","kind":"MeshTLSAuthentication","name":"frontend"}]}}
            """);
        cluster.Tick(10);

        var allowed = await cluster.ScrapeAppAsync("orders", "orders");
        Assert.Equal(200, allowed.Sum("inbound_http_authz_deny_total"));
        Assert.Equal(200, allowed.Sum("inbound_http_authz_allow_total", s => s.Label("srv_name") == "orders-http" && s.Label("authz_kind") == "authorizationpolicy" && s.Label("authz_name") == "orders-from-frontend"));
    }

    [Fact]
    public async Task A_default_inbound_policy_of_all_authenticated_refuses_unmeshed_callers()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await cluster.SendAsync(HttpMethod.Patch, "/api/v1/namespaces/web",
            JsonNode.Parse("""{"metadata":{"annotations":{"config.linkerd.io/default-inbound-policy":"all-authenticated"}}}"""), "application/merge-patch+json", default);
        cluster.Tick(4);

        var frontend = await cluster.ScrapeAppAsync("web", "frontend");
        Assert.Equal(200, frontend.Sum("inbound_http_authz_deny_total", s => s.Label("srv_kind") == "default" && s.Label("srv_name") == "all-authenticated" && s.Label("tls") == "no_identity"));
        var traefik = new List<Sample>();
        foreach (var pod in await cluster.PodsAsync("traefik", "app.kubernetes.io/name=traefik"))
        {
            traefik.AddRange(await cluster.ScrapeAsync("traefik", pod, "9100", "metrics"));
        }
        Assert.Equal(200, traefik.Sum("traefik_service_requests_total", s => s.Label("code") == "403"));
    }

    [Fact]
    public async Task Calls_a_network_policy_denies_fail_at_the_caller_as_connection_errors()
    {
        await using var cluster = await TrafficCluster.StartAsync();
        await cluster.CreateAsync("/apis/networking.k8s.io/v1/namespaces/orders/networkpolicies", """
            {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"inventory-lockdown","namespace":"orders"},
             "spec":{"podSelector":{"matchLabels":{"app":"inventory"}},"policyTypes":["Ingress"],
                     "ingress":[{"from":[{"podSelector":{"matchLabels":{"app":"nobody"}}}]}]}}
            """);
        var inventoryBefore = await cluster.ScrapeAppAsync("orders", "inventory");
        cluster.Tick(5);

        var orders = await cluster.ScrapeAppAsync("orders", "orders");
        var inventory = await cluster.ScrapeAppAsync("orders", "inventory");
        var failed = orders.Where(s => s.Name == "response_total" && s.Label("dst_service") == "inventory").ToList();
        Assert.Equal(100, failed.Sum(s => s.Value));
        Assert.All(failed, s =>
        {
            Assert.Equal("502", s.Label("status_code"));
            Assert.Equal("14", s.Label("grpc_status"));
            Assert.Equal("failure", s.Label("classification"));
        });
        Assert.Equal(inventoryBefore.Sum("request_total", s => s.Label("direction") == "inbound"), inventory.Sum("request_total", s => s.Label("direction") == "inbound"));
        // Unrelated edges still flow.
        Assert.Equal(40, orders.Sum("request_total", s => s.Label("dst_service") == "payment"));
    }
}
