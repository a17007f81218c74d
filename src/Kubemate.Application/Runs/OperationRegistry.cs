using System.Collections.Concurrent;
using System.Security.Cryptography;
using Kubemate.Application.Caching;
using Kubemate.Application.Onboarding;

namespace Kubemate.Application.Runs;

/// <summary>
/// Runs mesh onboardings in the background, whoever started them (a REST client, a console page, the CLI through
/// the REST API), and keeps their events for every reader: leaving the page that started a run does not stop it,
/// and another tab or user sees it progress. Bounded: the oldest finished runs are forgotten beyond
/// <see cref="MaxRuns"/>. <see cref="Stop"/> (the host shutting down) cancels the runs still going.
/// </summary>
public sealed class OperationRegistry(TimeProvider time, StatusCache statuses, IOperationObserver? observer = null) : IDisposable
{
    public const int MaxRuns = 200;

    private readonly ConcurrentDictionary<string, OperationRun> _runs = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public OperationRun? Find(string id) => _runs.GetValueOrDefault(id);

    /// <summary>Every run still going or kept after it ended, oldest first.</summary>
    public IReadOnlyList<OperationRun> All() => _runs.Values.OrderBy(r => r.Started).ToList();

    public OperationRun Start(string owner, OnboardingPlan plan, Func<CancellationToken, IAsyncEnumerable<OnboardingEvent>> run)
    {
        Forget();
        var operation = new OperationRun(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), owner, plan, time.GetUtcNow());
        _runs[operation.Id] = operation;
        observer?.Started(operation);
        _ = Task.Run(() => DriveAsync(operation, run));
        return operation;
    }

    /// <summary>Cancels the runs still going; each ends with a Failed event saying Kubemate is shutting down.</summary>
    public void Stop() => _stopping.Cancel();

    private async Task DriveAsync(OperationRun operation, Func<CancellationToken, IAsyncEnumerable<OnboardingEvent>> run)
    {
        long last = 0;
        try
        {
            await foreach (var e in run(_stopping.Token))
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
            observer?.Failed(operation, error);
            operation.Add(new OnboardingEvent(last + 1, time.GetUtcNow(), OnboardingEventType.Failed, null, null, 0, 0,
                error is OperationCanceledException ? "Kubemate is shutting down" : error.Message));
        }
        if (!operation.IsFinished)
        {
            operation.Add(new OnboardingEvent(last + 1, time.GetUtcNow(), OnboardingEventType.Failed, null, null, 0, 0, "the run ended without a final event"));
        }
        statuses.Invalidate();
        observer?.Finished(operation);
    }

    private void Forget()
    {
        var finished = _runs.Values.Where(r => r.IsFinished).OrderBy(r => r.Started).ToList();
        foreach (var run in finished.Take(Math.Max(0, _runs.Count - MaxRuns + 1)))
        {
            _runs.TryRemove(run.Id, out _);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }
}
