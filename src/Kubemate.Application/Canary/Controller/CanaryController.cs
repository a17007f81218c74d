using System.Net;
using System.Text.Json;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.Traffic;
using Kubemate.Application.Changes;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;

namespace Kubemate.Application.Canary.Controller;

/// <summary>
/// Runs canary releases inside <c>kubemate serve</c>: installs the kind, then every round, if this replica holds the
/// Lease, reconciles every release (see <see cref="ReleaseReconciler"/>). Several replicas may run it; only the
/// lease holder acts, and a replica that stops releases the lease so another takes over at once (or after the
/// lease duration when it dies). Driven by <see cref="TimeProvider"/>.
/// </summary>
public sealed class CanaryController
{
    private readonly ClusterApi _api;
    private readonly ChangeService _changes;
    private readonly CanaryControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ReleaseReconciler _reconciler;
    private readonly Action<Exception, string>? _onError;

    public CanaryController(ClusterApi api, ChangeService changes, ReleaseTraffic traffic, IReleaseMetrics metrics, ReleaseWebhooks webhooks,
        CanaryControllerOptions options, TimeProvider time, Action<Exception, string>? onError = null)
    {
        _api = api;
        _changes = changes;
        _options = options;
        _time = time;
        _onError = onError;
        _reconciler = new ReleaseReconciler(api, changes, traffic, metrics, webhooks, time);
        Election = new LeaseElection(api, options.LeaseNamespace, options.LeaseName, options.Identity, options.LeaseDuration, time);
    }

    public LeaseElection Election { get; }

    /// <summary>Rounds this replica ran as leader (for the figures harness and tests).</summary>
    public long LeaderRounds { get; private set; }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await InstallAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await RoundAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(_options.Round, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Election.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>One round: lead (or not), then reconcile every release; one release failing does not stop the others.</summary>
    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await Election.TryLeadAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            LeaderRounds++;
            var objects = await _api.ListObjectsAsync(CanaryReleaseObject.Type, null, cancellationToken).ConfigureAwait(false);
            var round = new ControllerRound(_api, new ApiDiscovery(_api));
            foreach (var obj in objects)
            {
                try
                {
                    await _reconciler.ReconcileAsync(CanaryReleaseObject.Read(obj), round, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is ClusterApiException or HttpRequestException or JsonException or KindNotServedException)
                {
                    _onError?.Invoke(error, $"canary release {obj["metadata"]?["namespace"]}/{obj["metadata"]?["name"]}");
                }
            }
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            // The kind is not installed (installing it was refused): nothing to run.
        }
        catch (Exception error) when (error is ClusterApiException or HttpRequestException)
        {
            _onError?.Invoke(error, "canary controller round");
        }
    }

    private async Task InstallAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await CanaryInstaller.InstallAsync(_changes, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                _onError?.Invoke(new InvalidOperationException(string.Join("; ", result.Objects.Where(o => o.Reason is not null).Select(o => $"{o.Object}: {o.Reason}"))),
                    "installing the CanaryRelease kind");
            }
        }
        catch (Exception error) when (error is ClusterApiException or HttpRequestException)
        {
            _onError?.Invoke(error, "installing the CanaryRelease kind");
        }
    }
}
