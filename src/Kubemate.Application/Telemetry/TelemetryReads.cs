using Kubemate.Cluster.Identity;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Kubemate.Telemetry.Topology;

namespace Kubemate.Application.Telemetry;

/// <summary>
/// Telemetry as one user may see it, for every surface: the user's scope (<see cref="TelemetryVisibility"/>), the
/// query limited to it and shared with everyone who has the same question (<see cref="SharedReads"/>), then peers
/// outside the scope merged into the <c>hidden</c> node (<see cref="TelemetryRedaction"/>). The console and the REST
/// API call this and nothing else, so they always agree. A null user (a host without sign-in) sees everything.
/// </summary>
public sealed class TelemetryReads(TelemetryService telemetry, TelemetryVisibility visibility, SharedReads shared)
{
    public string BackendDescription => telemetry.Backend.Description;

    public ITelemetryBackend Backend => telemetry.Backend;

    /// <summary>The active mesh's conventions (its proxy, control plane, identity issuer and series).</summary>
    public MeshConventions Mesh => telemetry.Mesh;

    /// <summary>The thresholds every health class in the answers comes from.</summary>
    public HealthThresholds Health => telemetry.Health;

    /// <exception cref="TelemetryNamespaceForbiddenException">a requested namespace is outside the user's scope.</exception>
    public Task<TelemetryResult<TopologyGraph>> TopologyAsync(UserIdentity? user, IReadOnlyList<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync("topology", user, namespaces, window, telemetry.TopologyAsync, TelemetryRedaction.Topology, cancellationToken);

    /// <exception cref="TelemetryNamespaceForbiddenException">a requested namespace is outside the user's scope.</exception>
    public Task<TelemetryResult<IReadOnlyList<WorkloadStat>>> WorkloadsAsync(UserIdentity? user, IReadOnlyList<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync("workloads", user, namespaces, window, telemetry.WorkloadsAsync, TelemetryRedaction.Workloads, cancellationToken);

    /// <exception cref="TelemetryNamespaceForbiddenException">a requested namespace is outside the user's scope.</exception>
    public Task<TelemetryResult<IReadOnlyList<EdgeStat>>> EdgesAsync(UserIdentity? user, IReadOnlyList<string>? namespaces, TelemetryWindow window, CancellationToken cancellationToken) =>
        AcrossNamespacesAsync("edges", user, namespaces, window, telemetry.EdgesAsync, TelemetryRedaction.Edges, cancellationToken);

    /// <summary>One workload's dashboard: its peers outside the user's scope are the <c>hidden</c> node.</summary>
    /// <exception cref="TelemetryNamespaceForbiddenException">the workload's namespace is outside the user's scope.</exception>
    public async Task<TelemetryResult<WorkloadDetail>> WorkloadAsync(UserIdentity? user, WorkloadRef workload, TelemetryWindow window, bool series, CancellationToken cancellationToken)
    {
        var scope = await visibility.ScopeAsync(user, cancellationToken).ConfigureAwait(false);
        if (!scope.Allows(workload.Namespace))
        {
            throw new TelemetryNamespaceForbiddenException("namespace", workload.Namespace);
        }
        var key = $"workload/{workload.Namespace}/{workload.Kind}/{workload.Name}/{window.Name}/{(series ? "series" : "now")}";
        var result = await shared.ShareAsync(key, () => telemetry.WorkloadAsync(workload, window, series, CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return result.Map(detail => TelemetryRedaction.Detail(detail, scope));
    }

    /// <summary>A split service's backends side by side.</summary>
    /// <exception cref="TelemetryNamespaceForbiddenException">the namespace is outside the user's scope.</exception>
    public async Task<TelemetryResult<SplitStat>> SplitAsync(UserIdentity? user, string ns, string service, IReadOnlyList<string> backends, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var scope = await visibility.ScopeAsync(user, cancellationToken).ConfigureAwait(false);
        if (!scope.Allows(ns))
        {
            throw new TelemetryNamespaceForbiddenException("namespace", ns);
        }
        var key = $"split/{ns}/{service}/{string.Join(',', backends)}/{window.Name}";
        return await shared.ShareAsync(key, () => telemetry.SplitAsync(ns, service, backends, window, CancellationToken.None), cancellationToken).ConfigureAwait(false);
    }

    private async Task<TelemetryResult<T>> AcrossNamespacesAsync<T>(
        string question,
        UserIdentity? user,
        IReadOnlyList<string>? namespaces,
        TelemetryWindow window,
        Func<IReadOnlyCollection<string>?, TelemetryWindow, CancellationToken, Task<TelemetryResult<T>>> query,
        Func<T, TelemetryScope, T> redact,
        CancellationToken cancellationToken)
    {
        var scope = await visibility.ScopeAsync(user, cancellationToken).ConfigureAwait(false);
        var requested = namespaces is { Count: > 0 } ? namespaces : null;
        for (var i = 0; i < (requested?.Count ?? 0); i++)
        {
            if (!scope.Allows(requested![i]))
            {
                throw new TelemetryNamespaceForbiddenException($"namespace[{i}]", requested[i]);
            }
        }
        // Asked for nothing in particular, a restricted user gets the namespaces they may see: the query never reads more.
        var asked = requested ?? (scope.Namespaces is { Count: > 0 } readable ? readable.Order(StringComparer.Ordinal).ToList() : null);
        var key = $"{question}/{window.Name}/{(asked is null ? "*" : string.Join(',', asked.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)))}";
        var result = await shared.ShareAsync(key, () => query(asked, window, CancellationToken.None), cancellationToken).ConfigureAwait(false);
        return result.Map(value => redact(value, scope));
    }
}
