using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Edge.Network;

namespace Kubemate.Model.Tests.Edge;

public class EdgeModelSerializationTests
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static EdgeConfiguration Sample() => new()
    {
        DefaultNamespace = "web",
        IngressRoutes =
        [
            new IngressRoute
            {
                Metadata = new EdgeObjectMeta { Name = "shop", Namespace = "web", UnknownFields = new JsonObject { ["uid"] = "42" } },
                EntryPoints = ["websecure"],
                Routes =
                [
                    new RouteRule
                    {
                        Match = new RouteMatch { Hosts = ["shop.bank.example"], Paths = [PathMatch.Prefix("/api")] },
                        Services = [new RouteBackend { Name = "api", Port = BackendPort.Named("http"), Weight = 3 }, new RouteBackend { Name = "api-dr", Port = BackendPort.Of(8080) }],
                        Middlewares = [new MiddlewareRef { Name = "limits" }],
                    },
                    new RouteRule { Match = RouteMatch.Expert("HostRegexp(`.+`)"), Services = [new RouteBackend { Name = "fallback", Port = BackendPort.Of(80) }] },
                ],
                Tls = new RouteTls { SecretName = "shop-tls", Issuer = new IssuerReference { Name = "public-acme" } },
                UnknownFields = new JsonObject { ["spec"] = new JsonObject { ["ingressClassName"] = "edge" } },
            },
        ],
        Middlewares =
        [
            new Middleware { Metadata = EdgeObjectMeta.Named("limits", "web"), Spec = new RateLimitMiddleware { Average = 10, Burst = 20 } },
            new Middleware { Metadata = EdgeObjectMeta.Named("prefix", "web"), Spec = new OtherMiddleware { Kind = "addPrefix", Configuration = new JsonObject { ["prefix"] = "/v1" } } },
        ],
    };

    [Fact]
    public void A_configuration_survives_a_trip_through_a_yaml_model_file()
    {
        var json = JsonSerializer.SerializeToNode(Sample(), Options)!;
        var yaml = YamlJson.Serialize(new JsonObject { ["kind"] = "EdgeConfiguration", ["spec"] = json });

        var back = JsonSerializer.Deserialize<EdgeConfiguration>(YamlJson.Parse(yaml)!["spec"]!, Options)!;

        Assert.Equal(json.ToJsonString(), JsonSerializer.SerializeToNode(back, Options)!.ToJsonString());
        Assert.Equal("42", back.IngressRoutes[0].Metadata.UnknownFields!["uid"]!.GetValue<string>());
        Assert.Empty(back.Validate());
    }

    [Fact]
    public void Model_files_use_camel_case_plain_ports_and_a_type_for_the_middleware_kind()
    {
        var json = JsonSerializer.SerializeToNode(Sample(), Options)!;

        var backends = json["ingressRoutes"]![0]!["routes"]![0]!["services"]!.AsArray();
        Assert.Equal("http", backends[0]!["port"]!.GetValue<string>());
        Assert.Equal(8080, backends[1]!["port"]!.GetValue<int>());
        Assert.Equal("Prefix", json["ingressRoutes"]![0]!["routes"]![0]!["match"]!["paths"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("rateLimit", json["middlewares"]![0]!["spec"]!["type"]!.GetValue<string>());
        Assert.Equal("other", json["middlewares"]![1]!["spec"]!["type"]!.GetValue<string>());
        Assert.False(json["middlewares"]![0]!["spec"]!.AsObject().ContainsKey("edgeKind"));
    }

    [Fact]
    public void Gateway_profiles_start_highly_available()
    {
        var profile = JsonSerializer.Deserialize<GatewayDeploymentProfile>("""{"name": "edge"}""", Options)!;

        Assert.Equal(3, profile.Replicas);
        Assert.Equal(AntiAffinityMode.Required, profile.AntiAffinity);
        Assert.Equal(1, profile.Disruption!.MaxUnavailable);
        Assert.Empty(profile.Validate());
        Assert.Equal("\"Preferred\"", JsonSerializer.Serialize(AntiAffinityMode.Preferred, Options));
    }

    [Fact]
    public void Positional_records_read_from_model_files_by_their_camel_case_names()
    {
        var rule = JsonSerializer.Deserialize<NetworkAccessRule>("""
            {"name": "orders-to-payment", "sourceNamespaces": ["orders"], "destinationNamespace": "payment",
             "destinationPodLabels": {"app": "payment"}, "ports": [{"port": 8080}, {"port": 53, "protocol": "UDP"}]}
            """, Options)!;
        var profile = JsonSerializer.Deserialize<GatewayDeploymentProfile>("""{"ports": [{"name": "web", "containerPort": 8000, "servicePort": 80}]}""", Options)!;

        Assert.Equal([new NetworkPort(8080), new NetworkPort(53, "UDP")], rule.Ports);
        Assert.Empty(rule.Validate());
        Assert.Equal(new GatewayPort("web", 8000, 80), Assert.Single(profile.Ports));
    }
}
