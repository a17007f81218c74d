using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Objects;

/// <summary>GETs a pod's HTTP endpoint through the API server's pod proxy (how the embedded store scrapes proxies).</summary>
public static class PodProxy
{
    /// <summary>The body of <c>GET http://POD:PORT/PATH</c>.</summary>
    /// <exception cref="HttpRequestException">the proxy or the pod answered with a non-2xx status.</exception>
    public static async Task<string> GetTextAsync(this ClusterApi api, string ns, string pod, string port, string path, CancellationToken cancellationToken)
    {
        var proxyPath = $"api/v1/namespaces/{Uri.EscapeDataString(ns)}/pods/{Uri.EscapeDataString(pod)}:{Uri.EscapeDataString(port)}/proxy/{path.TrimStart('/')}";
        using var response = await api.SendRawAsync(HttpMethod.Get, proxyPath, null, null, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} from pod {ns}/{pod}:{port}/{path.TrimStart('/')}", null, response.StatusCode);
        }
        return body;
    }
}
