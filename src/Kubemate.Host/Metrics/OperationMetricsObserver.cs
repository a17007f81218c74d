using Kubemate.Application.Runs;
using Microsoft.Extensions.Logging;

namespace Kubemate.Host.Metrics;

/// <summary>Counts background runs in <c>/metrics</c> and logs the ones that fail.</summary>
public sealed class OperationMetricsObserver(ILogger<OperationRegistry> logger) : IOperationObserver
{
    public void Started(OperationRun run) => KubemateMetrics.OperationStarted();

    public void Finished(OperationRun run) => KubemateMetrics.OperationFinished(run.State.ToString());

    public void Failed(OperationRun run, Exception error) => logger.LogWarning(error, "mesh operation {Id} failed", run.Id);
}
