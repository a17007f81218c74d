using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;

namespace Kubemate.Application.Identity;

/// <summary>Kubemate's own identity on the cluster (its service account): background reads and readiness, never user actions.</summary>
public sealed class ServiceAccountCluster(ClusterConnection connection) : IDisposable
{
    public ClusterConnection Connection { get; } = connection;

    public ClusterApi Api { get; } = connection.CreateApi();

    /// <summary>Asks the API server for its version: the readiness check that the cluster answers.</summary>
    /// <exception cref="ClusterApiException">the server answered with an error.</exception>
    /// <exception cref="HttpRequestException">the server could not be reached.</exception>
    public Task CheckAnswersAsync(CancellationToken cancellationToken) => ServerVersion.ReadAsync(Api, cancellationToken);

    public void Dispose() => Api.Dispose();
}
