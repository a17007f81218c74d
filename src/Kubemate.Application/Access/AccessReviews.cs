using System.Collections.Concurrent;
using Kubemate.Application.Identity;
using Kubemate.Cluster.Access;
using Kubemate.Cluster.Identity;

namespace Kubemate.Application.Access;

/// <summary>
/// Asks Kubernetes whether a user may act (a SelfSubjectAccessReview sent with the user's impersonating client, so
/// RBAC decides), for every surface alike: the console hides what is denied, the REST API and telemetry narrow
/// what they answer. Answers are kept per user and question for <see cref="Lifetime"/>.
/// </summary>
public sealed class AccessReviews(UserClusters clusters, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxAnswers = 50_000;

    private readonly ConcurrentDictionary<string, (AccessDecision Decision, DateTimeOffset At)> _answers = new(StringComparer.Ordinal);

    public async Task<AccessDecision> CanAsync(UserIdentity user, ResourceAccess access, CancellationToken cancellationToken)
    {
        var key = string.Join('\n', UserClusters.KeyOf(user), access.Verb, access.Group, access.Resource, access.Namespace, access.Name);
        if (_answers.TryGetValue(key, out var known) && time.GetUtcNow() - known.At < Lifetime)
        {
            return known.Decision;
        }
        var (allowed, reason) = await clusters.For(user).ReviewAsync(access, cancellationToken).ConfigureAwait(false);
        var decision = allowed ? AccessDecision.Allow : new AccessDecision(false, reason);
        if (_answers.Count >= MaxAnswers)
        {
            _answers.Clear();
        }
        _answers[key] = (decision, time.GetUtcNow());
        return decision;
    }

    /// <summary>May the user switch mesh injection for a namespace (patch the Namespace object)?</summary>
    public Task<AccessDecision> CanSwitchInjectionAsync(UserIdentity user, string ns, CancellationToken cancellationToken) =>
        CanAsync(user, new ResourceAccess("patch", "", "namespaces", null, ns), cancellationToken);

    /// <summary>May the user list pods in <paramref name="ns"/> (null: in every namespace)? Telemetry follows this answer.</summary>
    public Task<AccessDecision> CanListPodsAsync(UserIdentity user, string? ns, CancellationToken cancellationToken) =>
        CanAsync(user, new ResourceAccess("list", "", "pods", ns), cancellationToken);
}
