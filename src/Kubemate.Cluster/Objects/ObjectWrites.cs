using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Objects;

/// <summary>
/// The single-object writes outside a change set, with field manager <c>kubemate</c>: server-side apply, a merge
/// patch, create, a conditional replace (of the object or its status), a delete. Change sets (previewed, all or nothing, audited) go through <see cref="Apply.ApplyEngine"/>.
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

    /// <summary>Creates the object; a 409 (AlreadyExists) when one of that name exists.</summary>
    public static Task<JsonObject> CreateObjectAsync(this ClusterApi api, ResourceType type, string? ns, JsonObject body, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, $"{type.CollectionPath(ns)}?fieldManager={FieldManager}", body, null, cancellationToken);

    /// <summary>
    /// Replaces the object; the body's <c>metadata.resourceVersion</c> makes it conditional (a 409 when the object
    /// changed since it was read), which is how a Lease is taken over without two holders.
    /// </summary>
    public static Task<JsonObject> ReplaceObjectAsync(this ClusterApi api, ResourceType type, string? ns, string name, JsonObject body,
        CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Put, $"{type.ObjectPath(ns, name)}?fieldManager={FieldManager}", body, null, cancellationToken);

    /// <summary>Replaces the status through the status subresource, conditional on the body's resourceVersion like <see cref="ReplaceObjectAsync"/>.</summary>
    public static Task<JsonObject> ReplaceStatusAsync(this ClusterApi api, ResourceType type, string? ns, string name, JsonObject body,
        CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Put, $"{type.ObjectPath(ns, name)}/status?fieldManager={FieldManager}", body, null, cancellationToken);

    public static Task<JsonObject> DeleteObjectAsync(this ClusterApi api, ResourceType type, string? ns, string name, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Delete, type.ObjectPath(ns, name), null, null, cancellationToken);
}
