using Kubemate.Audit.Trust;

namespace Kubemate.Audit.Storage;

/// <summary>
/// Signs the heads this process appended into anchors kept by the trust, per <see cref="AuditAnchorPolicy"/>. Only heads
/// this process wrote are anchored: a head read back from the database could be one an editor left there.
/// </summary>
internal sealed class AuditChainAnchoring : IAsyncDisposable
{
    private readonly IAuditTrust trust;
    private readonly AuditAnchorPolicy policy;
    private readonly TimeProvider time;
    private readonly Func<Task> tick;
    private readonly ITimer timer;
    private long anchoredCount;
    private AuditHead? appended;
    private long appendedKeyedFrom;

    /// <param name="tick">Runs every <see cref="AuditAnchorPolicy.Every"/>; the store takes its append gate and calls <see cref="CatchUpAsync"/>.</param>
    public AuditChainAnchoring(IAuditTrust trust, AuditAnchorPolicy policy, TimeProvider time, long anchoredCount, Func<Task> tick)
    {
        this.trust = trust;
        this.policy = policy;
        this.time = time;
        this.anchoredCount = anchoredCount;
        this.tick = tick;
        timer = time.CreateTimer(_ => _ = OnTimerAsync(), null, policy.Every, policy.Every);
    }

    /// <summary>The highest record count any signed anchor names.</summary>
    public long AnchoredCount => anchoredCount;

    /// <summary>Called under the append gate after a record committed.</summary>
    public async Task AppendedAsync(AuditHead head, AuditKey key, long keyedFrom, CancellationToken cancellationToken)
    {
        appended = head;
        appendedKeyedFrom = keyedFrom;
        if (anchoredCount == 0 || head.Sequence - anchoredCount >= policy.EveryRecords)
        {
            await AnchorAsync(head, key, keyedFrom, cancellationToken);
        }
    }

    public async Task AnchorAsync(AuditHead head, AuditKey key, long keyedFrom, CancellationToken cancellationToken)
    {
        await trust.AppendAnchorLineAsync(AuditAnchor.Sign(key, head.Sequence, head.Hash, time.GetUtcNow(), keyedFrom).ToLine(), cancellationToken);
        anchoredCount = Math.Max(anchoredCount, head.Sequence);
    }

    /// <summary>Anchors the last head this process appended when no anchor covers it yet; call under the append gate.</summary>
    public async Task CatchUpAsync(AuditKey? key, CancellationToken cancellationToken)
    {
        if (key is not null && appended is { } head && head.Sequence > anchoredCount)
        {
            await AnchorAsync(head, key, appendedKeyedFrom, cancellationToken);
        }
    }

    private async Task OnTimerAsync()
    {
        try
        {
            await tick();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // The next append, tick or the shutdown tries again; until then the newest records are covered by the older anchors only.
        }
    }

    public ValueTask DisposeAsync() => timer.DisposeAsync();
}
