using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kubemate.Host.Caching;
using Kubemate.Host.Metrics;
using Kubemate.Application.Onboarding;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Kubemate.Host.Runs;

/// <summary>
/// Runs mesh onboardings in the background and keeps their events for readers (the REST API, SSE streams, the
/// console). Bounded: the oldest finished runs are forgotten beyond <see cref="MaxRuns"/>.
/// </summary>
public sealed class OperationRegistry(TimeProvider time, IHostApplicationLifetime lifetime, StatusCache statuses, ILogger<OperationRegistry> logger)
{
    public const int MaxRuns = 200;

    private readonly ConcurrentDictionary<string, OperationRun> _runs = new(StringComparer.Ordinal);

    public OperationRun? Find(string id) => _runs.GetValueOrDefault(id);

    public OperationRun Start(string owner, string ns, Func<CancellationToken, IAsyncEnumerable<OnboardingEvent>> run)
    {
        Forget();
        var operation = new OperationRun(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), owner, ns, time.GetUtcNow());
        _runs[operation.Id] = operation;
        KubemateMetrics.OperationStarted();
        _ = Task.Run(() => DriveAsync(operation, run));
        return operation;
    }

    private async Task DriveAsync(OperationRun operation, Func<CancellationToken, IAsyncEnumerable<OnboardingEvent>> run)
    {
        long last = 0;
        try
        {
            await foreach (var e in run(lifetime.ApplicationStopping))
            {
                last = e.Sequence;
                if (e.Type is not (OnboardingEventType.Started or OnboardingEventType.Progress or OnboardingEventType.Restarting))
                {
                    statuses.Invalidate();
                }
                operation.Add(e);
            }
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "mesh operation {Id} failed", operation.Id);
            operation.Add(new OnboardingEvent(last + 1, time.GetUtcNow(), OnboardingEventType.Failed, null, null, 0, 0,
                error is OperationCanceledException ? "Kubemate is shutting down" : error.Message));
        }
        if (!operation.IsFinished)
        {
            operation.Add(new OnboardingEvent(last + 1, time.GetUtcNow(), OnboardingEventType.Failed, null, null, 0, 0, "the run ended without a final event"));
        }
        KubemateMetrics.OperationFinished(operation.State.ToString());
    }

    private void Forget()
    {
        var finished = _runs.Values.Where(r => r.IsFinished).OrderBy(r => r.Started).ToList();
        foreach (var run in finished.Take(Math.Max(0, _runs.Count - MaxRuns + 1)))
        {
            _runs.TryRemove(run.Id, out _);
        }
    }
}
