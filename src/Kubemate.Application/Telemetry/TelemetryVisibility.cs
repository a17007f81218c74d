using System.Security.Claims;
using System.Collections.Concurrent;
using Kubemate.Application.Access;
using Kubemate.Application.Identity;
using Kubemate.Cluster.Identity;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Telemetry;

/// <summary>
/// The one rule for whose telemetry a user may see, used by the REST API, the console and the CLI's server mode:
/// the namespaces where the user may list pods (one review for the whole cluster, and when that is refused, one per
/// namespace, listed with Kubemate's own identity). Peers outside the scope are shown as one <c>hidden</c> node
/// (<see cref="TelemetryRedaction"/>). Scopes are kept per user for <see cref="Lifetime"/>. Without a cluster (a
/// bare host) everything is in scope.
/// </summary>
public sealed class TelemetryVisibility(AccessReviews? access, ServiceAccountCluster? self, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (TelemetryScope Scope, DateTimeOffset At)> _scopes = new(StringComparer.Ordinal);

    /// <summary>The scope of a request's principal; one that is not signed in (a bare host) sees everything.</summary>
    public Task<TelemetryScope> ScopeAsync(ClaimsPrincipal principal, CancellationToken cancellationToken) =>
        ScopeAsync(principal.ToUserIdentityOrNull(), cancellationToken);

    public async Task<TelemetryScope> ScopeAsync(UserIdentity? user, CancellationToken cancellationToken)
    {
        if (access is null || self is null || user is null)
        {
            return TelemetryScope.Everything;
        }
        var key = UserClusters.KeyOf(user);
        if (_scopes.TryGetValue(key, out var known) && time.GetUtcNow() - known.At < Lifetime)
        {
            return known.Scope;
        }
        var scope = await ReviewAsync(access, user, cancellationToken).ConfigureAwait(false);
        _scopes[key] = (scope, time.GetUtcNow());
        return scope;
    }

    private async Task<TelemetryScope> ReviewAsync(AccessReviews reviews, UserIdentity user, CancellationToken cancellationToken)
    {
        if ((await reviews.CanListPodsAsync(user, null, cancellationToken).ConfigureAwait(false)).Allowed)
        {
            return TelemetryScope.Everything;
        }
        var names = await NamespaceNames.ListAsync(self!.Api, cancellationToken).ConfigureAwait(false);
        var answers = await Task.WhenAll(names.Select(async ns => (ns, (await reviews.CanListPodsAsync(user, ns, cancellationToken).ConfigureAwait(false)).Allowed)))
            .ConfigureAwait(false);
        return new TelemetryScope(answers.Where(a => a.Allowed).Select(a => a.ns).ToHashSet(StringComparer.Ordinal));
    }
}
