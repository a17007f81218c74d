using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Objects;

/// <summary>
/// The single-object writes outside a change set, with field manager <c>kubemate</c>: server-side apply, a merge
/// patch, a delete. Change sets (previewed, all or nothing, audited) go through <see cref="Apply.ApplyEngine"/>.
/// </summary>
public static class ObjectWrites
{
    public const string FieldManager = "kubemate";

    /// <summary>Server-side apply of <paramref name="body"/>; <paramref name="force"/> takes over fields other managers own.</summary>
    public static Task<JsonObject> ApplyObjectAsync(this ClusterApi api, ResourceType type, string? ns, string name, JsonObject body, bool force,
        CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Patch, $"{type.ObjectPath(ns, name)}?fieldManager={FieldManager}{(force ? "&force=true" : "")}", body, ClusterApi.ApplyPatch, cancellationToken);

    /// <summary>A JSON merge patch (RFC 7386: null removes a field); returns the object as the server stored it.</summary>
    public static Task<JsonObject> MergePatchObjectAsync(this ClusterApi api, ResourceType type, string? ns, string name, JsonObject patch,
        CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Patch, $"{type.ObjectPath(ns, name)}?fieldManager={FieldManager}", patch, ClusterApi.MergePatch, cancellationToken);

    public static Task<JsonObject> DeleteObjectAsync(this ClusterApi api, ResourceType type, string? ns, string name, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Delete, type.ObjectPath(ns, name), null, null, cancellationToken);
}
