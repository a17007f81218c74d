using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Model.Access;
using Kubemate.Model.Collections;
using Kubemate.Model.References;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary>
/// <c>render intent</c>: "these clients may call that port (with these methods and paths)", rendered as mesh
/// authorization and, by default, as a NetworkPolicy too.
/// </summary>
internal sealed class IntentFamily : IRenderFamily
{
    private static readonly string[] Layers = ["both", "mesh", "network"];
    private static readonly string[] Protocols = [.. Enum.GetNames<AppProtocol>().Select(n => char.ToLowerInvariant(n[0]) + n[1..])];

    private readonly Option<string?> _name = Flags.Text("--name", "Name of the intent (the mesh objects and the NetworkPolicy allow-<name> are named after it)").Required();
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the called pods (default: default)", "-n");
    private readonly Option<FlagPair[]> _pods = Flags.Pairs("--pods", "Label of the called pods, KEY=VALUE; repeat or separate with commas (copy the Service's selector)", "KEY=VALUE");
    private readonly Option<string?> _port = Flags.Text("--port", "The called pods' port, a number or a container port name");
    private readonly Option<string?> _protocol = Flags.Choice("--protocol", $"How the mesh treats the port: {string.Join(", ", Protocols)}", Protocols);
    private readonly Option<string?> _endpoint = Flags.Text("--endpoint", "Authorize an endpoint defined elsewhere (a Linkerd Server) by name, instead of --pods and --port");
    private readonly Option<string[]> _serviceAccounts = Flags.Many("--from-service-account", "A caller by service account, [NAMESPACE/]NAME; repeatable");
    private readonly Option<string[]> _namespaces = Flags.Many("--from-namespace", "Every meshed workload of a namespace may call; repeatable");
    private readonly Option<bool> _anyMeshed = Flags.Switch("--from-any-meshed", "Any meshed client may call");
    private readonly Option<string[]> _cidrs = Flags.Many("--from-cidr", "Clients with or without a mesh identity from this network may call; repeatable");
    private readonly Option<bool> _unauthenticated = Flags.Switch("--from-unauthenticated", "Clients without a mesh identity may call, from any address (unless --from-cidr narrows it)");
    private readonly Option<string[]> _methods = Flags.Many("--method", "Allowed HTTP method (GET, POST, …); repeatable; any when none");
    private readonly Option<string[]> _paths = Flags.Many("--path-prefix", "Allowed path prefix (/api/pay); repeatable; any when none");
    private readonly Option<string?> _layer = Flags.Choice("--layer", "Which layers to render: both (mesh authorization and NetworkPolicy), mesh or network (default: both)", Layers);

    public string Name => "intent";

    public string Description => "An access intent: who may call which pods' port (mesh authorization and NetworkPolicy)";

    public IReadOnlyList<Option> Options =>
        [_name, _namespace, _pods, _port, _protocol, _endpoint, _serviceAccounts, _namespaces, _anyMeshed, _cidrs, _unauthenticated, _methods, _paths, _layer];

    public FamilyModels Build(FlagReader flags)
    {
        var name = flags.Text(_name, "");
        var endpoint = flags.Value(_endpoint);
        var layer = flags.Text(_layer, "both");
        var target = endpoint is not null ? EndpointTarget(flags, endpoint) : PodTarget(flags);
        var sources = Sources(flags);
        var http = new List<HttpAccessRule>();
        var methods = flags.List(_methods).Select(m => m.ToUpperInvariant()).ToValueList();
        var paths = flags.List(_paths).ToValueList();
        if (methods.Count > 0 || paths.Count > 0)
        {
            http.Add(new HttpAccessRule { Methods = methods, PathPrefixes = paths });
        }
        var intent = new AccessIntent
        {
            Name = name,
            Namespace = flags.Text(_namespace, "default"),
            To = target,
            From = sources.ToValueList(),
            Http = http.ToValueList(),
        };
        return new(ModelSet.FromModels(Name, intent))
        {
            IntentMeshLayer = layer is "both" or "mesh",
            IntentNetworkLayer = layer is "both" or "network",
            FlagPaths = new Dictionary<string, string>
            {
                ["name"] = _name.Name,
                ["namespace"] = _namespace.Name,
                ["to.pods"] = _pods.Name,
                ["to.port"] = _port.Name,
                ["to.protocol"] = _protocol.Name,
                ["to.name"] = _endpoint.Name,
                ["from"] = "--from-*",
                ["http[0].methods"] = _methods.Name,
                ["http[0].pathPrefixes"] = _paths.Name,
            },
        };
    }

    private AccessTarget EndpointTarget(FlagReader flags, string endpoint)
    {
        foreach (var option in new Option[] { _pods, _port, _protocol }.Where(flags.IsGiven))
        {
            flags.Problems.Add(new(option.Name, $"cannot be combined with {_endpoint.Name}: the endpoint is defined elsewhere"));
        }
        return new AccessTarget { Name = endpoint };
    }

    private AccessTarget PodTarget(FlagReader flags)
    {
        flags.Require(_pods, $"(or {_endpoint.Name})");
        flags.Require(_port, $"(or {_endpoint.Name})");
        var labels = flags.List(_pods);
        var port = flags.Value(_port);
        var protocol = flags.Value(_protocol);
        return new AccessTarget
        {
            Pods = new LabelSelector { MatchLabels = ValueMap.Of([.. labels.Select(l => (l.Key, l.Value))]) },
            Port = port is null ? null : int.TryParse(port, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? PortRef.Of(number) : PortRef.Named(port),
            Protocol = protocol is null ? null : Enum.Parse<AppProtocol>(protocol, ignoreCase: true),
        };
    }

    private List<AccessSource> Sources(FlagReader flags)
    {
        var identities = new List<Peer>();
        foreach (var account in flags.List(_serviceAccounts))
        {
            var slash = account.IndexOf('/');
            identities.Add(slash < 0 ? Peer.ForServiceAccount(account) : Peer.ForServiceAccount(account[(slash + 1)..], account[..slash]));
        }
        identities.AddRange(flags.List(_namespaces).Select(Peer.ForNamespace));
        if (flags.Switch(_anyMeshed))
        {
            identities.Add(Peer.AnyMeshed);
        }
        var sources = new List<AccessSource>();
        if (identities.Count > 0)
        {
            sources.Add(new AccessSource { Identities = identities.ToValueList() });
        }
        var cidrs = flags.List(_cidrs);
        if (cidrs.Count > 0)
        {
            sources.Add(AccessSource.FromNetworks([.. cidrs.Select(c => new NetworkBlock { Cidr = c })]));
        }
        else if (flags.Switch(_unauthenticated))
        {
            sources.Add(new AccessSource { Unauthenticated = true });
        }
        if (sources.Count == 0)
        {
            flags.Problems.Add(new("--from-*", "name who may call: --from-service-account, --from-namespace, --from-any-meshed, --from-cidr or --from-unauthenticated"));
        }
        return sources;
    }
}
