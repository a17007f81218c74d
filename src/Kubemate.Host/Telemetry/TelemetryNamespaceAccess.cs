using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Host.Identity;

namespace Kubemate.Host.Telemetry;

/// <summary>
/// Works out each signed-in user's <see cref="TelemetryScope"/>: one SelfSubjectAccessReview (<c>list pods</c>) for
/// the whole cluster, and when that is refused, one per namespace (listed with Kubemate's own identity), all with the
/// user's impersonated client so Kubernetes RBAC decides. Answers are kept per user for <see cref="Lifetime"/>.
/// Without signed-in users or a cluster (a bare host) everything is in scope.
/// </summary>
public sealed class TelemetryNamespaceAccess(UserClusters? users, ServiceAccountCluster? self, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (TelemetryScope Scope, DateTimeOffset At)> scopes = new(StringComparer.Ordinal);

    public async Task<TelemetryScope> ScopeAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (users is null || self is null || principal.Identity?.IsAuthenticated != true)
        {
            return TelemetryScope.Everything;
        }
        var user = principal.ToUserIdentity();
        var key = UserClusters.KeyOf(user);
        if (scopes.TryGetValue(key, out var known) && time.GetUtcNow() - known.At < Lifetime)
        {
            return known.Scope;
        }
        var scope = await ReviewAsync(users.For(user), cancellationToken).ConfigureAwait(false);
        scopes[key] = (scope, time.GetUtcNow());
        return scope;
    }

    private async Task<TelemetryScope> ReviewAsync(ClusterApi api, CancellationToken cancellationToken)
    {
        if (await MayListPodsAsync(api, null, cancellationToken).ConfigureAwait(false))
        {
            return TelemetryScope.Everything;
        }
        var list = await self!.Api.SendAsync(HttpMethod.Get, "api/v1/namespaces", null, null, cancellationToken).ConfigureAwait(false);
        var names = (list["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(n => n["metadata"]?["name"]?.GetValue<string>() ?? "").Where(n => n.Length > 0).ToList();
        var answers = await Task.WhenAll(names.Select(async ns => (ns, Allowed: await MayListPodsAsync(api, ns, cancellationToken).ConfigureAwait(false))))
            .ConfigureAwait(false);
        return new TelemetryScope(answers.Where(a => a.Allowed).Select(a => a.ns).ToHashSet(StringComparer.Ordinal));
    }

    private static Task<bool> MayListPodsAsync(ClusterApi api, string? ns, CancellationToken cancellationToken) =>
        AccessReview.AllowsAsync(api, "list", "pods", ns, cancellationToken);
}
