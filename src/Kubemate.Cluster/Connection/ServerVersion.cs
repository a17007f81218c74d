using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Connection;

/// <summary>The API server's <c>/version</c>: the cheapest question that proves the cluster answers.</summary>
public static class ServerVersion
{
    /// <exception cref="ClusterApiException">the server answered with an error.</exception>
    /// <exception cref="HttpRequestException">the server could not be reached.</exception>
    public static Task<JsonObject> ReadAsync(ClusterApi api, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Get, "version", null, null, cancellationToken);
}
