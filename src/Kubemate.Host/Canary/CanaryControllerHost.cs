using Kubemate.Application;
using Kubemate.Application.Canary.Controller;
using Kubemate.Application.Canary.Traffic;
using Kubemate.Application.Changes;
using Kubemate.Application.Identity;
using Kubemate.Audit;
using Kubemate.Cluster.Identity;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Golden;

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubemate.Host.Canary;

/// <summary>Runs the canary controller for the life of the host, as Kubemate's own identity; its changes are audited as the controller.</summary>
public sealed class CanaryControllerHost(
    CanaryControllerOptions options,
    ServiceAccountCluster cluster,
    IAuditStore audit,
    IMeshDriver driver,
    TelemetryService telemetry,
    IHttpClientFactory httpClients,
    KubemateHostOptions hostOptions,
    ILogger<CanaryControllerHost> logger) : BackgroundService
{
    public const string WebhookClient = "canary-webhooks";

    public CanaryController? Controller { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var context = new OperationContext(new UserIdentity(CanaryControllerOptions.AuditUser, []), "controller", hostOptions.ClusterName);
        Controller = new CanaryController(
            cluster.Api,
            new ChangeService(cluster.Api, audit, context),
            new ReleaseTraffic(driver),
            new TelemetryReleaseMetrics(telemetry),
            new ReleaseWebhooks(httpClients.CreateClient(WebhookClient)),
            options,
            hostOptions.Time,
            (error, what) => logger.LogWarning(error, "{What} failed: {Message}", what, error.Message));
        logger.LogInformation("canary controller {Identity} runs; lease {Namespace}/{Lease}", options.Identity, options.LeaseNamespace, options.LeaseName);
        return Controller.RunAsync(stoppingToken);
    }
}
