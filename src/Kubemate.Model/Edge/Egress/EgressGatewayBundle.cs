using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Egress;

/// <summary>
/// An egress gateway: a dedicated gateway that is the only way out of the client namespaces, rewriting headers and
/// injecting credentials on the way.
/// </summary>
public sealed record EgressGatewayBundle : IValidatable
{
    /// <summary>The gateway's deployment; its first port is the one clients call.</summary>
    public GatewayDeploymentProfile Gateway { get; init; } = ForEgress();

    public required IReadOnlyList<EgressDestination> Destinations { get; init; }

    /// <summary>Namespaces whose egress is locked down: DNS, the mesh control plane and the gateway only.</summary>
    public required IReadOnlyList<string> ClientNamespaces { get; init; }

    public KubernetesApiEndpoint? KubernetesApi { get; init; }

    public DnsEndpoint Dns { get; init; } = new();

    /// <summary>Control-plane namespaces meshed clients still reach (identity, destination, policy).</summary>
    public IReadOnlyList<string> MeshControlPlaneNamespaces { get; init; } = ["linkerd"];

    /// <summary>Client pods may still reach pods in any namespace; only traffic leaving the cluster must use the gateway.</summary>
    public bool AllowInClusterTraffic { get; init; } = true;

    public GatewayPort ListenPort => Gateway.Ports[0];

    /// <summary>A gateway profile suited to egress: two replicas, one internal port, no load balancer.</summary>
    public static GatewayDeploymentProfile ForEgress(string name = "egress-gateway", string @namespace = "egress") => new()
    {
        Name = name,
        Namespace = @namespace,
        Replicas = 2,
        Ports = [new("egress", 8080, 8080)],
        ServiceType = "ClusterIP",
        ServiceAccountName = name,
    };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Gateway.Validate(FieldPath.Child(path, "gateway")));
        if (Gateway.Ports.Count > 1)
        {
            problems.Add(new(FieldPath.Child(FieldPath.Child(path, "gateway"), "ports"), "an egress gateway listens on exactly one port"));
        }
        var destinationsPath = FieldPath.Child(path, "destinations");
        if (Destinations.Count == 0)
        {
            problems.Add(new(destinationsPath, "at least one destination is required"));
        }
        problems.AddRange(EdgeChecks.Each(destinationsPath, Destinations));
        problems.AddRange(EdgeChecks.Unique(destinationsPath, Destinations.Select(d => d.Name), n => $"destination name \"{n}\""));
        var clientsPath = FieldPath.Child(path, "clientNamespaces");
        if (ClientNamespaces.Count == 0)
        {
            problems.Add(new(clientsPath, "at least one client namespace is required"));
        }
        for (var i = 0; i < ClientNamespaces.Count; i++)
        {
            problems.AddRange(EdgeChecks.LabelName(FieldPath.Index(clientsPath, i), ClientNamespaces[i]));
            if (ClientNamespaces[i] == Gateway.Namespace)
            {
                problems.Add(new(FieldPath.Index(clientsPath, i), "the gateway's own namespace cannot be a client namespace"));
            }
        }
        problems.AddRange(EdgeChecks.Unique(clientsPath, ClientNamespaces, n => $"namespace \"{n}\""));
        if (KubernetesApi is null)
        {
            problems.Add(new(FieldPath.Child(path, "kubernetesApi"), "is required: the gateway reads its routes from the API server, which a NetworkPolicy can only allow by address"));
        }
        else
        {
            problems.AddRange(KubernetesApi.Validate(FieldPath.Child(path, "kubernetesApi")));
        }
        problems.AddRange(Dns.Validate(FieldPath.Child(path, "dns")));
        var meshPath = FieldPath.Child(path, "meshControlPlaneNamespaces");
        for (var i = 0; i < MeshControlPlaneNamespaces.Count; i++)
        {
            problems.AddRange(EdgeChecks.LabelName(FieldPath.Index(meshPath, i), MeshControlPlaneNamespaces[i]));
        }
        return problems;
    }
}
