using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s;
using k8s.Models;
using Kubemate.Sandbox.Simulation.Estate;

namespace Kubemate.Sandbox.Simulation.Tests.Estate;

public sealed class DemoEstateTests(DemoEstateFixture fixture) : IClassFixture<DemoEstateFixture>
{
    private static readonly string[] BankNamespaces = ["web", "orders", "payments", "users", "data"];
    private static readonly string[] MeshedNamespaces = ["web", "orders", "payments"];

    private Kubernetes Client => fixture.Cluster.Client;

    [Fact]
    public async Task The_bank_namespaces_exist_and_only_web_orders_and_payments_are_meshed()
    {
        var namespaces = (await Client.CoreV1.ListNamespaceAsync()).Items.ToDictionary(n => n.Metadata.Name);
        Assert.All(BankNamespaces.Concat(["linkerd", "traefik"]), name => Assert.Contains(name, namespaces.Keys));
        foreach (var name in BankNamespaces)
        {
            string? inject = null;
            namespaces[name].Metadata.Annotations?.TryGetValue("linkerd.io/inject", out inject);
            Assert.Equal(MeshedNamespaces.Contains(name) ? "enabled" : null, inject);
        }
    }

    [Fact]
    public async Task Every_deployment_and_the_database_become_available()
    {
        var deployments = await Eventually.Until(async () => (await Client.AppsV1.ListDeploymentForAllNamespacesAsync()).Items,
            items => items.All(d => d.Status is { } s && s.AvailableReplicas == d.Spec.Replicas && s.UpdatedReplicas == d.Spec.Replicas), "every deployment available");
        Assert.InRange(deployments.Count, 10, 14);
        Assert.Contains(deployments, d => d.Metadata.NamespaceProperty == "traefik" && d.Metadata.Name == "traefik" && d.Spec.Replicas == 3);
        Assert.Equal(["linkerd-destination", "linkerd-identity", "linkerd-proxy-injector"],
            deployments.Where(d => d.Metadata.NamespaceProperty == "linkerd").Select(d => d.Metadata.Name).Order());
        Assert.All(deployments.Where(d => d.Metadata.NamespaceProperty == "linkerd"), d =>
        {
            Assert.Equal("linkerd", d.Metadata.Labels["linkerd.io/control-plane-ns"]);
            Assert.True(d.Metadata.Labels.ContainsKey("linkerd.io/control-plane-component"));
        });
        var orders = (await Client.CoreV1.ListNamespacedPodAsync("orders", labelSelector: "app=orders")).Items;
        Assert.NotEmpty(orders);
        Assert.All(orders, p => Assert.Equal("v1", p.Metadata.Labels["version"]));

        var postgres = await Eventually.Until(() => Client.AppsV1.ReadNamespacedStatefulSetAsync("postgres", "data"),
            s => s.Status?.ReadyReplicas == 1, "postgres ready");
        Assert.Equal("postgres-headless", postgres.Spec.ServiceName);
        Assert.Equal("Running", (await Client.CoreV1.ReadNamespacedPodAsync("postgres-0", "data")).Status.Phase);
    }

    [Fact]
    public async Task Pods_of_meshed_namespaces_run_the_linkerd_proxy_and_the_others_do_not()
    {
        var pods = await Eventually.Until(async () => (await Client.CoreV1.ListPodForAllNamespacesAsync()).Items,
            items => items.Count >= 20 && items.All(p => p.Status?.Phase == "Running"), "every estate pod running");
        foreach (var pod in pods.Where(p => BankNamespaces.Contains(p.Metadata.NamespaceProperty)))
        {
            var proxy = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).FirstOrDefault(c => c.Name == "linkerd-proxy");
            if (MeshedNamespaces.Contains(pod.Metadata.NamespaceProperty))
            {
                Assert.NotNull(proxy);
                Assert.StartsWith("cr.l5d.io/linkerd/proxy:", proxy.Image);
                Assert.Equal(LinkerdControlPlane.Version, pod.Metadata.Annotations["linkerd.io/proxy-version"]);
                Assert.Contains(pod.Status.ContainerStatuses.Concat(pod.Status.InitContainerStatuses ?? []), s => s.Name == "linkerd-proxy" && s.Ready);
                Assert.Contains(pod.Status.InitContainerStatuses ?? [], s => s.Name == "linkerd-init" && s.State.Terminated?.Reason == "Completed");
            }
            else
            {
                Assert.Null(proxy);
            }
        }
        var controlPlane = pods.Where(p => p.Metadata.NamespaceProperty == "linkerd").ToList();
        Assert.Equal(3, controlPlane.Count);
        Assert.All(controlPlane, p => Assert.Contains(p.Spec.Containers, c => c.Name == "linkerd-proxy"));
        Assert.All(pods.Where(p => p.Metadata.NamespaceProperty == "traefik"), p => Assert.DoesNotContain(p.Spec.Containers, c => c.Name == "linkerd-proxy"));
    }

    [Fact]
    public async Task The_identity_issuer_is_a_real_p256_certificate_signed_by_the_trust_anchor()
    {
        var secret = await Client.CoreV1.ReadNamespacedSecretAsync("linkerd-identity-issuer", "linkerd");
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var roots = await Client.CoreV1.ReadNamespacedConfigMapAsync("linkerd-identity-trust-roots", "linkerd");
        var anchorPem = roots.Data["ca-bundle.crt"];
        Assert.Equal(anchorPem, Encoding.UTF8.GetString(secret.Data["ca.crt"]));

        using var anchor = X509Certificate2.CreateFromPem(anchorPem);
        using var issuer = X509Certificate2.CreateFromPem(Encoding.UTF8.GetString(secret.Data["tls.crt"]), Encoding.UTF8.GetString(secret.Data["tls.key"]));
        Assert.True(issuer.HasPrivateKey);
        Assert.Equal("CN=root.linkerd.cluster.local", anchor.Subject);
        Assert.Equal("CN=identity.linkerd.cluster.local", issuer.Subject);
        Assert.Equal(anchor.Subject, issuer.Issuer);
        using (var key = issuer.GetECDsaPublicKey()!)
        {
            Assert.Equal(256, key.KeySize);
        }
        Assert.InRange((anchor.NotAfter - anchor.NotBefore).TotalDays, 3650, 3654);
        Assert.InRange((issuer.NotAfter - issuer.NotBefore).TotalDays, 365, 366);
        Assert.True(anchor.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.True(issuer.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(anchor);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(issuer), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));

        // Injected proxies carry the digest of this very bundle.
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(anchorPem.Trim() + "\n")));
        var meshed = await Eventually.Until(async () => (await Client.CoreV1.ListNamespacedPodAsync("web")).Items, p => p.Count > 0, "web pods");
        Assert.All(meshed, p => Assert.Equal(digest, p.Metadata.Annotations["linkerd.io/trust-root-sha256"]));
    }

    [Fact]
    public async Task The_upstream_crds_are_established_and_the_frontend_is_routed_by_traefik()
    {
        var crds = (await Client.ApiextensionsV1.ListCustomResourceDefinitionAsync()).Items;
        // The upstream CRDs of the estate (Istio's come only with an Istio estate), plus the sandbox's own TrafficFault.
        Assert.Equal(EmbeddedCrds.All().Count(c => !c.File.StartsWith("istio/", StringComparison.Ordinal)) + 1, crds.Count);
        Assert.DoesNotContain(crds, c => c.Spec.Group == "networking.istio.io");
        Assert.Single(crds, c => c.Metadata.Name == "trafficfaults.sandbox.kubemate.io");
        foreach (var name in new[] { "servers.policy.linkerd.io", "httproutes.gateway.networking.k8s.io", "ingressroutes.traefik.io", "certificates.cert-manager.io", "prometheusrules.monitoring.coreos.com", "trafficsplits.split.smi-spec.io" })
        {
            var crd = Assert.Single(crds, c => c.Metadata.Name == name);
            Assert.Contains(crd.Status.Conditions, c => c.Type == "Established" && c.Status == "True");
        }
        var route = (System.Text.Json.JsonElement)await Client.CustomObjects.GetNamespacedCustomObjectAsync("traefik.io", "v1alpha1", "web", "ingressroutes", "frontend");
        Assert.Equal("Host(`bank.example.com`)", route.GetProperty("spec").GetProperty("routes")[0].GetProperty("match").GetString());
        var ingressClass = await Client.NetworkingV1.ReadIngressClassAsync("traefik");
        Assert.Equal("traefik.io/ingress-controller", ingressClass.Spec.Controller);
        var gateway = await Eventually.Until(() => Client.CoreV1.ReadNamespacedServiceAsync("traefik", "traefik"),
            s => s.Status?.LoadBalancer?.Ingress?.Count == 1, "the traefik load balancer address");
        Assert.Equal("LoadBalancer", gateway.Spec.Type);
        Assert.NotNull(await Client.AdmissionregistrationV1.ReadMutatingWebhookConfigurationAsync("linkerd-proxy-injector-webhook-config"));
    }

    [Fact]
    public async Task Services_of_the_estate_have_endpoints_for_their_ready_pods()
    {
        var endpoints = await Eventually.Until(() => Client.CoreV1.ReadNamespacedEndpointsAsync("inventory", "orders"),
            e => e.Subsets?.SingleOrDefault()?.Addresses?.Count == 2, "two inventory endpoints");
        Assert.Equal(9090, endpoints.Subsets.Single().Ports.Single().Port);
        var stable = await Eventually.Until(() => Client.CoreV1.ReadNamespacedEndpointsAsync("orders-v1", "orders"),
            e => e.Subsets?.SingleOrDefault()?.Addresses?.Count == 2, "the v1 orders endpoints");
        Assert.Equal(8080, stable.Subsets.Single().Ports.Single().Port);
    }

    [Theory]
    [InlineData("alice", "delete", "deployments", "payments", true)]
    [InlineData("alice", "create", "clusterrolebindings", "", true)]
    [InlineData("olivia", "create", "deployments", "orders", true)]
    [InlineData("olivia", "patch", "deployments", "payments", false)]
    [InlineData("olivia", "list", "namespaces", "", true)]
    [InlineData("audrey", "list", "pods", "data", true)]
    [InlineData("audrey", "delete", "pods", "web", false)]
    [InlineData("audrey", "get", "secrets", "linkerd", false)]
    public async Task Demo_users_may_do_what_their_roles_allow(string user, string verb, string resource, string ns, bool allowed)
    {
        using var client = fixture.Cluster.ClientFor(user);
        var group = resource is "deployments" ? "apps" : resource is "clusterrolebindings" ? "rbac.authorization.k8s.io" : "";
        var review = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes { Verb = verb, Group = group, Resource = resource, NamespaceProperty = ns.Length == 0 ? null : ns },
            },
        });
        Assert.Equal(allowed, review.Status.Allowed);
    }

    [Theory]
    [InlineData("olivia", "orders", true)]
    [InlineData("olivia", "payments", false)]
    [InlineData("audrey", "orders", false)]
    [InlineData("alice", "payments", true)]
    public async Task Only_a_namespace_owner_may_annotate_the_namespace_for_mesh_injection(string user, string ns, bool allowed)
    {
        using var client = fixture.Cluster.ClientFor(user);
        var review = await client.AuthorizationV1.CreateSelfSubjectAccessReviewAsync(new V1SelfSubjectAccessReview
        {
            Spec = new V1SelfSubjectAccessReviewSpec
            {
                ResourceAttributes = new V1ResourceAttributes { Verb = "patch", Group = "", Resource = "namespaces", Name = ns },
            },
        });
        Assert.Equal(allowed, review.Status.Allowed);
    }

    [Fact]
    public void Demo_users_have_the_documented_groups_and_passwords()
    {
        var users = fixture.Cluster.Server.Users.ToDictionary(u => u.Name);
        Assert.Equal(["platform-admins"], users["alice"].Groups);
        Assert.Equal(["team-orders"], users["olivia"].Groups);
        Assert.Equal(["auditors"], users["audrey"].Groups);
        Assert.All(new[] { "alice", "olivia", "audrey" }, name => Assert.Equal($"{name}-demo", users[name].Password));
    }
}
