namespace Kubemate.Telemetry.Golden;

/// <summary>
/// Reads Traefik's <c>service</c> label for Kubernetes backends: <c>&lt;namespace&gt;-&lt;service&gt;-&lt;port&gt;@kubernetes</c>
/// (Ingress) or <c>@kubernetescrd</c> (IngressRoute). Namespace and Service names may both contain dashes, so the
/// namespace is the longest known namespace the name starts with (else the text before the first dash).
/// </summary>
public static class TraefikService
{
    /// <summary>The Service a Traefik service label points at, or null for internal and non-Kubernetes services.</summary>
    public static (string Namespace, string Service)? Parse(string label, IEnumerable<string> knownNamespaces, IReadOnlyList<string>? providers = null)
    {
        providers ??= Kubemate.Model.Edge.GatewayConventions.Traefik.ServiceProviders;
        var at = label.LastIndexOf('@');
        if (at <= 0 || !providers.Contains(label[(at + 1)..]))
        {
            return null;
        }
        var name = label[..at];
        var portDash = name.LastIndexOf('-');
        if (portDash <= 0)
        {
            return null;
        }
        var namespaceAndService = name[..portDash];
        var ns = knownNamespaces.Where(n => n.Length > 0 && namespaceAndService.StartsWith(n + "-", StringComparison.Ordinal))
            .OrderByDescending(n => n.Length).FirstOrDefault();
        if (ns is null)
        {
            var dash = namespaceAndService.IndexOf('-');
            if (dash <= 0)
            {
                return null;
            }
            ns = namespaceAndService[..dash];
        }
        var service = namespaceAndService[(ns.Length + 1)..];
        return service.Length > 0 ? (ns, service) : null;
    }
}
