using System.CommandLine;
using System.Globalization;
using Kubemate.CommandLine;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Certificates;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary>
/// <c>render route</c>: an ingress route at the edge gateway for hosts and path prefixes, with TLS by secret or by a
/// cert-manager issuer. Middlewares, secrets and TLS options it names are taken to exist in the cluster.
/// </summary>
internal sealed class RouteFamily : IRenderFamily
{
    private readonly Option<string?> _name = Flags.Text("--name", "Name of the route").Required();
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the route and its services (default: default)", "-n");
    private readonly Option<string[]> _hosts = Flags.Many("--host", "Host name the route takes; repeatable");
    private readonly Option<string[]> _paths = Flags.Many("--path", "Path prefix the route takes; repeatable");
    private readonly Option<RouteBackend[]> _services = Flags.Entries<RouteBackend>("--service", "Backend service, NAME:PORT or NAME:PORT=WEIGHT; repeatable", Backend).Required();
    private readonly Option<string[]> _entryPoints = Flags.Many("--entry-point", "Entry point of the gateway; repeatable (default: websecure)");
    private readonly Option<string[]> _middlewares = Flags.Many("--middleware", "Middleware applied on the way, NAME, NAMESPACE/NAME or NAME@PROVIDER; repeatable; taken to exist");
    private readonly Option<string?> _tlsSecret = Flags.Text("--tls-secret", "Serve TLS with the certificate in this secret");
    private readonly Option<string?> _issuer = Flags.Text("--issuer", "Have this cert-manager ClusterIssuer issue the TLS secret for the hosts (renders a Certificate)");
    private readonly Option<string?> _tlsOptions = Flags.Text("--tls-options", "TLS options (TLSOption) to apply; taken to exist");

    public string Name => "route";

    public string Description => "An ingress route at the edge gateway (Traefik IngressRoute), with TLS by secret or cert-manager";

    public IReadOnlyList<Option> Options => [_name, _namespace, _hosts, _paths, _services, _entryPoints, _middlewares, _tlsSecret, _issuer, _tlsOptions];

    public FamilyModels Build(FlagReader flags)
    {
        var ns = flags.Text(_namespace, "default");
        var name = flags.Text(_name, "");
        var backends = flags.List(_services).ToList();
        var middlewares = flags.List(_middlewares).Select(m => Reference(m, ns)).ToList();
        var tlsSecret = flags.Value(_tlsSecret);
        var issuer = flags.Value(_issuer);
        var tlsOptions = flags.Value(_tlsOptions);
        if (issuer is not null && tlsSecret is null)
        {
            flags.Problems.Add(new(_tlsSecret.Name, $"is required with {_issuer.Name}: cert-manager writes the certificate into it"));
        }
        var entryPoints = flags.List(_entryPoints);
        var route = new IngressRoute
        {
            Metadata = EdgeObjectMeta.Named(name, ns),
            EntryPoints = entryPoints.Count > 0 ? entryPoints : ["websecure"],
            Routes =
            [
                new RouteRule
                {
                    Kind = "Rule",
                    Match = new RouteMatch { Hosts = flags.List(_hosts), Paths = [.. flags.List(_paths).Select(PathMatch.Prefix)] },
                    Services = backends,
                    Middlewares = middlewares.Count > 0 ? [.. middlewares.Select(m => m.Ref)] : null,
                },
            ],
            Tls = tlsSecret is null && tlsOptions is null
                ? null
                : new RouteTls
                {
                    SecretName = tlsSecret,
                    Issuer = issuer is null ? null : new IssuerReference { Name = issuer },
                    Options = tlsOptions is null ? null : new TlsOptionRef { Name = tlsOptions },
                },
        };
        var existing = new EdgeSettings
        {
            ExistingMiddlewares = [.. middlewares.Where(m => m.Existing is not null).Select(m => m.Existing!)],
            ExistingSecrets = tlsSecret is not null && issuer is null ? [$"{ns}/{tlsSecret}"] : [],
            ExistingTlsPolicies = tlsOptions is null ? [] : [$"{ns}/{tlsOptions}"],
        };
        return new(ModelSet.FromModels(Name, existing, route))
        {
            FlagPaths = new Dictionary<string, string>
            {
                ["metadata.name"] = _name.Name,
                ["metadata.namespace"] = _namespace.Name,
                ["entryPoints"] = _entryPoints.Name,
                ["routes[0].match.hosts"] = _hosts.Name,
                ["routes[0].match.paths"] = _paths.Name,
                ["routes[0].match"] = $"{_hosts.Name}/{_paths.Name}",
                ["routes[0].services"] = _services.Name,
                ["routes[0].middlewares"] = _middlewares.Name,
                ["tls.secretName"] = _tlsSecret.Name,
                ["tls.issuer"] = _issuer.Name,
                ["tls.options"] = _tlsOptions.Name,
            },
        };
    }

    /// <summary>A <c>--service</c> entry: <c>NAME:PORT</c> or <c>NAME:PORT=WEIGHT</c>; the port is a number or a port name.</summary>
    private static (RouteBackend? Value, string? Problem) Backend(string text)
    {
        var entry = text;
        int? weight = null;
        var equals = entry.IndexOf('=');
        if (equals >= 0)
        {
            var (parsed, problem) = FlagValues.Integer(entry[(equals + 1)..], 0, 1_000_000);
            if (problem is not null)
            {
                return (null, problem);
            }
            weight = parsed;
            entry = entry[..equals];
        }
        var colon = entry.IndexOf(':');
        if (colon <= 0 || colon == entry.Length - 1)
        {
            return (null, $"'{text}' is not NAME:PORT or NAME:PORT=WEIGHT");
        }
        var portText = entry[(colon + 1)..];
        var port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? BackendPort.Of(number) : BackendPort.Named(portText);
        return (new RouteBackend { Name = entry[..colon], Port = port, Weight = weight }, null);
    }

    /// <summary>A middleware reference, and the <c>namespace/name</c> it takes to exist (none for another provider's).</summary>
    internal static (MiddlewareRef Ref, string? Existing) Reference(string text, string ns)
    {
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return (new MiddlewareRef { Name = text }, null);
        }
        var slash = text.IndexOf('/');
        return slash < 0
            ? (new MiddlewareRef { Name = text }, $"{ns}/{text}")
            : (new MiddlewareRef { Name = text[(slash + 1)..], Namespace = text[..slash] }, text);
    }
}
