using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;

namespace Kubemate.Application.Identity;

/// <summary>Kubemate's own identity on the cluster (its service account): background reads and readiness, never user actions.</summary>
public sealed class ServiceAccountCluster(ClusterConnection connection) : IDisposable
{
    public ClusterConnection Connection { get; } = connection;

    public ClusterApi Api { get; } = connection.CreateApi();

    public void Dispose() => Api.Dispose();
}
