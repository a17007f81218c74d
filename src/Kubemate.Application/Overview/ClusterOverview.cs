using Kubemate.Application.Identity;
using Kubemate.Application.Telemetry;
using Kubemate.Cluster.Identity;
using Kubemate.Model.Edge;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Application.Overview;

/// <summary>
/// The overview's facts as one user may see them: the control planes' pods, when the mesh identity expires, the
/// active alerts and how many alerting rules are defined. Read as the user (impersonated), so RBAC decides.
/// </summary>
public sealed class ClusterOverview(UserClusters clusters, TelemetryReads telemetry, TelemetryVisibility visibility, TimeProvider time)
{
    /// <summary>The active mesh's control-plane namespaces, then the edge gateway's.</summary>
    public async Task<IReadOnlyList<ControlPlaneStatus>> ControlPlanesAsync(UserIdentity user, CancellationToken cancellationToken)
    {
        var api = clusters.For(user);
        var planes = new List<ControlPlaneStatus>();
        foreach (var plane in ControlPlaneStatus.Planes(telemetry.Mesh, GatewayConventions.Traefik))
        {
            planes.Add(await ControlPlaneStatus.ReadAsync(api, plane, cancellationToken).ConfigureAwait(false));
        }
        return planes;
    }

    public Task<IdentityExpiry> IdentityExpiryAsync(UserIdentity user, CancellationToken cancellationToken) =>
        IdentityExpiry.ReadAsync(clusters.For(user), telemetry.Mesh, telemetry.Backend, time.GetUtcNow(), cancellationToken);

    /// <summary>Alerts firing in namespaces the user may see (and cluster-wide ones), then the failing ones of <paramref name="visibleWorkloads"/>.</summary>
    public async Task<IReadOnlyList<ActiveAlert>> AlertsAsync(UserIdentity user, IEnumerable<WorkloadStat> visibleWorkloads, CancellationToken cancellationToken)
    {
        var scope = await visibility.ScopeAsync(user, cancellationToken).ConfigureAwait(false);
        var firing = await ActiveAlert.FiringAsync(telemetry.Backend, time.GetUtcNow(), scope, cancellationToken).ConfigureAwait(false);
        return [.. firing, .. ActiveAlert.Failing(visibleWorkloads, telemetry.Health)];
    }

    /// <summary>How many alerting rules the user's visible PrometheusRules define; null when not visible or not installed.</summary>
    public Task<int?> DefinedAlertRulesAsync(UserIdentity user, CancellationToken cancellationToken) =>
        ActiveAlert.DefinedRulesAsync(clusters.For(user), cancellationToken);
}
