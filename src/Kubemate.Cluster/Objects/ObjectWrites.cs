using System.Text.Json.Nodes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;

namespace Kubemate.Cluster.Objects;

/// <summary>
/// The single-object writes outside a change set, with field manager <c>kubemate</c>: server-side apply, a merge
/// patch, a create that never replaces, a replace guarded by the resourceVersion read (of the object or its
/// status), a delete. Change sets (previewed, all or nothing, audited) go through <see cref="Apply.ApplyEngine"/>.
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

    /// <summary>Creates the object in the namespace; never replaces one.</summary>
    /// <exception cref="ClusterApiException">409 <c>AlreadyExists</c> when an object of that name exists.</exception>
    public static Task<JsonObject> CreateObjectAsync(this ClusterApi api, ResourceType type, string? ns, JsonObject body, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Post, $"{type.CollectionPath(ns)}?fieldManager={FieldManager}", body, null, cancellationToken);

    /// <summary>
    /// Replaces the object with <paramref name="body"/> only while it is still at the <c>metadata.resourceVersion</c>
    /// the body carries (the one read before the change), so a writer never overwrites a change it did not see.
    /// </summary>
    /// <exception cref="ClusterApiException">409 <c>Conflict</c> when the object changed since; read it again and retry.</exception>
    public static Task<JsonObject> ReplaceIfUnchangedAsync(this ClusterApi api, ResourceType type, string? ns, string name, JsonObject body,
        CancellationToken cancellationToken)
    {
        if (body["metadata"]?["resourceVersion"] is not JsonValue version || string.IsNullOrEmpty((string?)version))
        {
            throw new ArgumentException("metadata.resourceVersion: is required, the version the change was made from", nameof(body));
        }
        return api.SendAsync(HttpMethod.Put, $"{type.ObjectPath(ns, name)}?fieldManager={FieldManager}", body, null, cancellationToken);
    }

    /// <summary>Replaces the status through the status subresource, guarded by the body's resourceVersion like <see cref="ReplaceIfUnchangedAsync"/>.</summary>
    /// <exception cref="ClusterApiException">409 <c>Conflict</c> when the object changed since it was read.</exception>
    public static Task<JsonObject> ReplaceStatusAsync(this ClusterApi api, ResourceType type, string? ns, string name, JsonObject body,
        CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Put, $"{type.ObjectPath(ns, name)}/status?fieldManager={FieldManager}", body, null, cancellationToken);

    public static Task<JsonObject> DeleteObjectAsync(this ClusterApi api, ResourceType type, string? ns, string name, CancellationToken cancellationToken) =>
        api.SendAsync(HttpMethod.Delete, type.ObjectPath(ns, name), null, null, cancellationToken);
}
