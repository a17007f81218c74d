using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Sandbox.Simulation.Traffic;

namespace Kubemate.Commands;

/// <summary>The fault client's calls over a cluster connection, through Kubemate.Cluster's typed reads and writes.</summary>
public sealed class ClusterFaultApi(ClusterApi api) : IFaultApi
{
    public Task<JsonObject?> GetOrNullAsync(FaultResource resource, string ns, string name, CancellationToken cancellationToken) =>
        api.GetObjectOrNullAsync(TypeOf(resource), ns, name, cancellationToken);

    public Task<IReadOnlyList<JsonObject>> ListAsync(FaultResource resource, string? ns, CancellationToken cancellationToken) =>
        api.ListObjectsAsync(TypeOf(resource), ns, cancellationToken);

    public Task<JsonObject> ApplyAsync(FaultResource resource, string ns, string name, JsonObject body, CancellationToken cancellationToken) =>
        api.ApplyObjectAsync(TypeOf(resource), ns, name, body, force: true, cancellationToken);

    public Task MergePatchAsync(FaultResource resource, string ns, string name, JsonObject patch, CancellationToken cancellationToken) =>
        api.MergePatchObjectAsync(TypeOf(resource), ns, name, patch, cancellationToken);

    public Task DeleteAsync(FaultResource resource, string ns, string name, CancellationToken cancellationToken) =>
        api.DeleteObjectAsync(TypeOf(resource), ns, name, cancellationToken);

    private static ResourceType TypeOf(FaultResource resource) => new(resource.Group, resource.Version, resource.Kind, resource.Plural, Namespaced: true);
}
