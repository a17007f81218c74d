using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Alerts;
using Kubemate.Model.Edge.Egress;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Edge.Network;
using Kubemate.Model.Edge.Pki;
using Kubemate.Model.Traffic;
using Kubemate.Testing;

namespace Kubemate.Modeling.Tests;

public class ModelFileTests
{
    private static readonly object[] EveryKind =
    [
        new MeshSettings { Provider = "istio" },
        new TrafficSplit { Name = "orders", Namespace = "orders", Service = "orders", Port = 8080, Backends = [new WeightedBackend { Service = "orders-v1", Weight = 90 }, new WeightedBackend { Service = "orders-v2", Weight = 10 }] },
        new EdgeSettings { ExistingSecrets = ["web/shop-tls"] },
        new IngressRoute
        {
            Metadata = EdgeObjectMeta.Named("shop", "web"),
            EntryPoints = [],
            Routes = [new RouteRule { Match = new RouteMatch { Hosts = ["shop.bank.example"], Paths = [PathMatch.Exact("/")] }, Services = [new RouteBackend { Name = "web", Port = BackendPort.Named("http") }] }],
            Tls = new RouteTls { SecretName = "shop-tls" },
        },
        Middleware.RedirectToHttps("web"),
        new Middleware { Metadata = EdgeObjectMeta.Named("add", "web"), Spec = new OtherMiddleware { Kind = "addPrefix", Configuration = System.Text.Json.Nodes.JsonNode.Parse("""{"prefix":"/x"}""") } },
        TlsPolicy.Hardened("default", "web"),
        new NetworkAccessRule { Name = "db", DestinationNamespace = "db", DestinationPodLabels = new Dictionary<string, string> { ["app"] = "db" }, SourceNamespaces = ["orders"], Ports = [new NetworkPort(5432)] },
        new GatewayDeploymentProfile { Disruption = null, Resources = null, AntiAffinity = AntiAffinityMode.Preferred },
        new AlertRuleSet { Traefik = null },
        new EgressGatewayBundle { Destinations = [new EgressDestination { Name = "api", Host = "api.example" }], ClientNamespaces = ["payment"], KubernetesApi = new KubernetesApiEndpoint { Cidrs = ["10.0.0.1/32"] } },
        new MeshIdentityPkiSpec { TrustDomain = "bank.local" },
        new VerbatimObject { Reason = "kept", Object = new System.Text.Json.Nodes.JsonObject { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["name"] = "x" } } },
    ];

    [Fact]
    public void A_written_model_file_reads_back_to_the_same_models()
    {
        var written = ModelFileWriter.Write(ModelSet.FromModels("test", EveryKind));

        var (read, problems) = ModelFileReader.Read(written, "model.yaml");

        Assert.Empty(problems);
        Assert.Equal(EveryKind.Select(m => m.GetType()), read.Documents.Select(d => d.Model.GetType()));
        Assert.Equal(written, ModelFileWriter.Write(read));
    }

    [Fact]
    public void Parts_switched_off_stay_off_and_defaults_are_not_written_out()
    {
        var written = ModelFileWriter.Write(ModelSet.FromModels("test", new GatewayDeploymentProfile { Disruption = null }, new AlertRuleSet { Traefik = null }));

        var (read, _) = ModelFileReader.Read(written, "model.yaml");

        Assert.Null(Assert.IsType<GatewayDeploymentProfile>(read.Documents[0].Model).Disruption);
        Assert.Null(Assert.IsType<AlertRuleSet>(read.Documents[1].Model).Traefik);
        Assert.NotNull(Assert.IsType<AlertRuleSet>(read.Documents[1].Model).Linkerd);
        Assert.DoesNotContain("smallestReplicaCount", written, StringComparison.Ordinal);
        Assert.DoesNotContain("nodeSelector", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_model_file_kind_is_documented()
    {
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "cli-render-import.md"));

        Assert.All(ModelKinds.All, kind => Assert.Contains($"`{kind.Name}`", guide, StringComparison.Ordinal));
    }
}
