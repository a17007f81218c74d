namespace Kubemate.WebConsole.Figures.Synthetic;

/// <summary>A clock that stays at the synthetic estate's last scrape, so the 1m window always holds its data.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
