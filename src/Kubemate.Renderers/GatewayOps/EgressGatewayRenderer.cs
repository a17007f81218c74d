using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Egress;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Json;
using Kubemate.Renderers.NetworkPolicies;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Renderers.GatewayOps;

/// <summary>
/// The egress-gateway bundle: its own gateway (service account with read-only access to its namespace, Deployment,
/// Service, disruption budget), one outside Service, route and middlewares per destination,
/// token injection from Secrets, and the NetworkPolicies that make the gateway the only way out.
/// </summary>
/// <remarks>
/// The gateway's route objects cannot read Secrets into headers, so tokens reach the gateway as environment variables
/// (from the Secret) and a file-provider middleware writes them with the file provider's <c>env</c> template function:
/// no token is ever written into a rendered object.
/// </remarks>
public static class EgressGatewayRenderer
{
    public const string DynamicConfigDirectory = "/etc/traefik/dynamic";
    public const string TokenFileName = "token-injection.yaml";

    public static IReadOnlyList<JsonObject> Render(EgressGatewayBundle bundle)
    {
        ModelValidationException.ThrowIfInvalid(bundle);
        var gateway = bundle.Gateway;
        var tokenDestinations = bundle.Destinations.Where(d => d.Token is not null).ToList();
        var workload = new GatewayWorkload
        {
            ProviderArguments =
            [
                "--providers.kubernetescrd=true",
                $"--providers.kubernetescrd.namespaces={gateway.Namespace}",
                "--providers.kubernetescrd.allowExternalNameServices=true",
                $"--providers.file.directory={DynamicConfigDirectory}",
                "--providers.file.watch=true",
            ],
            Environment = tokenDestinations.Select(d => new JsonObject
            {
                ["name"] = TokenVariable(d),
                ["valueFrom"] = new JsonObject
                {
                    ["secretKeyRef"] = new JsonObject { ["name"] = d.Token!.SecretName, ["key"] = d.Token.SecretKey },
                },
            }).ToList(),
            Volumes =
            [
                (new JsonObject { ["name"] = "dynamic", ["configMap"] = new JsonObject { ["name"] = DynamicConfigName(bundle) } },
                 new JsonObject { ["name"] = "dynamic", ["mountPath"] = DynamicConfigDirectory, ["readOnly"] = true }),
            ],
        };

        var objects = new List<JsonObject>();
        objects.AddRange(GatewayRbac.Render(gateway));
        objects.AddRange(GatewayDeploymentRenderer.Render(gateway, workload));
        objects.Add(DynamicConfig(bundle, tokenDestinations));
        foreach (var destination in bundle.Destinations)
        {
            objects.Add(OutsideService(bundle, destination));
            objects.AddRange(Middlewares(bundle, destination).Select(MiddlewareCodec.Write));
        }
        objects.Add(IngressRouteCodec.Write(Route(bundle)));
        objects.AddRange(NetworkPolicyRenderer.RenderEgressLockdown(bundle, GatewayLabels.Selector(gateway)));
        return objects;
    }

    public static string TokenVariable(EgressDestination destination) =>
        "EGRESS_TOKEN_" + destination.Name.ToUpperInvariant().Replace('-', '_');

    private static string DynamicConfigName(EgressGatewayBundle bundle) => bundle.Gateway.Name + "-dynamic";

    private static string OutsideServiceName(EgressGatewayBundle bundle, EgressDestination destination) => $"{bundle.Gateway.Name}-{destination.Name}";

    private static JsonObject DynamicConfig(EgressGatewayBundle bundle, IReadOnlyList<EgressDestination> tokenDestinations)
    {
        var configMap = KubeObject.Create("v1", "ConfigMap", DynamicConfigName(bundle), bundle.Gateway.Namespace, GatewayLabels.All(bundle.Gateway));
        configMap["data"] = new JsonObject { [TokenFileName] = TokenFile(tokenDestinations) };
        return configMap;
    }

    // Written by hand: the template braces and quotes must reach the gateway exactly as they are.
    private static string TokenFile(IReadOnlyList<EgressDestination> destinations)
    {
        if (destinations.Count == 0)
        {
            return "{}\n";
        }
        var text = new StringBuilder("http:\n  middlewares:\n");
        foreach (var destination in destinations)
        {
            var token = destination.Token!;
            text.Append($"    {destination.Name}-token:\n")
                .Append("      headers:\n")
                .Append("        customRequestHeaders:\n")
                .Append($"          {token.HeaderName}: '{token.ValuePrefix}{{{{ env \"{TokenVariable(destination)}\" }}}}'\n");
        }
        return text.ToString();
    }

    private static JsonObject OutsideService(EgressGatewayBundle bundle, EgressDestination destination)
    {
        var service = KubeObject.Create("v1", "Service", OutsideServiceName(bundle, destination), bundle.Gateway.Namespace, GatewayLabels.All(bundle.Gateway));
        service["spec"] = new JsonObject
        {
            ["type"] = "ExternalName",
            ["externalName"] = destination.Host,
            ["ports"] = new JsonArray(new JsonObject { ["name"] = destination.Scheme, ["port"] = destination.Port, ["protocol"] = "TCP" }),
        };
        return service;
    }

    private static IEnumerable<Middleware> Middlewares(EgressGatewayBundle bundle, EgressDestination destination)
    {
        yield return new Middleware
        {
            Metadata = EdgeObjectMeta.Named($"{destination.Name}-strip-prefix", bundle.Gateway.Namespace),
            Spec = new StripPrefixMiddleware { Prefixes = [destination.PathPrefix] },
        };
        if (destination.SetRequestHeaders is { Count: > 0 } headers)
        {
            yield return new Middleware
            {
                Metadata = EdgeObjectMeta.Named($"{destination.Name}-headers", bundle.Gateway.Namespace),
                Spec = new HeadersMiddleware { CustomRequestHeaders = headers },
            };
        }
    }

    private static IngressRoute Route(EgressGatewayBundle bundle) => new()
    {
        Metadata = EdgeObjectMeta.Named(bundle.Gateway.Name, bundle.Gateway.Namespace),
        EntryPoints = [bundle.ListenPort.Name],
        Routes = bundle.Destinations.Select(destination => new RouteRule
        {
            Match = new RouteMatch { Paths = [PathMatch.Prefix(destination.PathPrefix)] },
            Kind = "Rule",
            Services =
            [
                new RouteBackend
                {
                    Name = OutsideServiceName(bundle, destination),
                    Port = BackendPort.Of(destination.Port),
                    Scheme = destination.Scheme,
                    PassHostHeader = false,
                },
            ],
            Middlewares = RouteMiddlewares(destination).ToList(),
        }).ToList(),
    };

    private static IEnumerable<MiddlewareRef> RouteMiddlewares(EgressDestination destination)
    {
        yield return new MiddlewareRef { Name = $"{destination.Name}-strip-prefix" };
        if (destination.SetRequestHeaders is { Count: > 0 })
        {
            yield return new MiddlewareRef { Name = $"{destination.Name}-headers" };
        }
        if (destination.Token is not null)
        {
            yield return new MiddlewareRef { Name = $"{destination.Name}-token@file" };
        }
    }
}
