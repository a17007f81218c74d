using k8s;

namespace Kubemate.Cluster.Http;

/// <summary>
/// One identity's way to the cluster: the official client's HTTP pipeline (its TLS, credentials and delegating
/// handlers such as impersonation). Requests by path are internal to this project (<see cref="ClusterRequests"/>):
/// other projects read and write through the typed accessors built on discovery's <c>ResourceType</c>.
/// </summary>
public sealed class ClusterApi(Kubernetes client) : IDisposable
{
    public const string ApplyPatch = "application/apply-patch+yaml";
    public const string MergePatch = "application/merge-patch+json";

    /// <summary>The typed client underneath, for this project's calls that have a typed form.</summary>
    internal Kubernetes Client { get; } = client;

    internal Uri Resolve(string path)
    {
        var root = Client.BaseUri.ToString();
        return new Uri(root.EndsWith('/') ? root + path.TrimStart('/') : root + "/" + path.TrimStart('/'));
    }

    public void Dispose() => Client.Dispose();
}
