using System.CommandLine;
using System.Globalization;
using Kubemate.CommandLine;
using Kubemate.Model.Edge.Egress;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary><c>render egress</c>: an egress gateway that is the only way out of the client namespaces, with header rewrites and token injection.</summary>
internal sealed class EgressFamily : IRenderFamily
{
    private readonly Option<string?> _name = Flags.Text("--name", "Name of the egress gateway (default: egress-gateway)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the egress gateway (default: egress)", "-n");
    private readonly Option<FlagPair[]> _destinations = Flags.Pairs("--destination", "An outside service, NAME=HOST or NAME=HOST:PORT (https); repeatable", "NAME=HOST or NAME=HOST:PORT", Destination).Required();
    private readonly Option<string[]> _clients = Flags.Many("--client-namespace", "A namespace whose egress is locked down to the gateway; repeatable").Required();
    private readonly Option<string[]> _apiServer = Flags.Many("--api-server-cidr", "Where the Kubernetes API server answers (the gateway reads its routes there); repeatable").Required();
    private readonly Option<int?> _apiServerPort = Flags.Integer("--api-server-port", "The API server's port (default: 6443)", 1, 65535);
    private readonly Option<FlagPair[]> _tokens = Flags.Pairs("--token", "Inject a bearer token into a destination's requests, DESTINATION=SECRET or DESTINATION=SECRET/KEY; repeatable", "DESTINATION=SECRET");
    private readonly Option<FlagPair[]> _destinationCidrs = Flags.Pairs("--destination-cidr", "Where a destination's addresses lie, DESTINATION=CIDR; repeatable (default: any address on its port)", "DESTINATION=CIDR");

    public string Name => "egress";

    public string Description => "An egress gateway bundle: dedicated gateway, routes per destination, token injection, NetworkPolicy lockdown";

    public IReadOnlyList<Option> Options => [_name, _namespace, _destinations, _clients, _apiServer, _apiServerPort, _tokens, _destinationCidrs];

    /// <summary>A destination's HOST or HOST:PORT; the port, when given, is a number from 1 to 65535.</summary>
    private static string? Destination(string target)
    {
        var colon = target.LastIndexOf(':');
        return colon <= 0 ? null : FlagValues.Integer(target[(colon + 1)..], 1, 65535).Problem;
    }

    public FamilyModels Build(FlagReader flags)
    {
        var tokens = flags.List(_tokens);
        var cidrs = flags.List(_destinationCidrs);
        var destinations = new List<EgressDestination>();
        var pairs = flags.List(_destinations);
        foreach (var pair in pairs)
        {
            var (name, target) = (pair.Key, pair.Value);
            var colon = target.LastIndexOf(':');
            var port = 443;
            if (colon > 0)
            {
                port = int.Parse(target[(colon + 1)..], CultureInfo.InvariantCulture);
                target = target[..colon];
            }
            var token = tokens.Where(t => t.Key == name).Select(t => t.Value).FirstOrDefault();
            var slash = token?.IndexOf('/') ?? -1;
            destinations.Add(new EgressDestination
            {
                Name = name,
                Host = target,
                Port = port,
                Token = token is null ? null : slash < 0 ? new TokenInjection { SecretName = token } : new TokenInjection { SecretName = token[..slash], SecretKey = token[(slash + 1)..] },
                Cidrs = cidrs.Any(c => c.Key == name) ? [.. cidrs.Where(c => c.Key == name).Select(c => c.Value)] : null,
            });
        }
        foreach (var unknown in tokens.Select(t => t.Key).Concat(cidrs.Select(c => c.Key)).Except(destinations.Select(d => d.Name)).Distinct())
        {
            flags.Problems.Add(new(unknown, $"no --destination is named '{unknown}'"));
        }
        var gateway = EgressGatewayBundle.ForEgress(flags.Text(_name, "egress-gateway"), flags.Text(_namespace, "egress"));
        var bundle = new EgressGatewayBundle
        {
            Gateway = gateway,
            Destinations = destinations,
            ClientNamespaces = flags.List(_clients),
            KubernetesApi = new KubernetesApiEndpoint
            {
                Cidrs = flags.List(_apiServer),
                Port = flags.Value(_apiServerPort, 6443),
            },
        };
        return new(ModelSet.FromModels(Name, bundle));
    }
}
