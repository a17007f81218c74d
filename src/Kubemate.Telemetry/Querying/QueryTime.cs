namespace Kubemate.Telemetry.Querying;

/// <summary>When to evaluate: one instant, or a range of instants <c>step</c> apart (both ends included).</summary>
public sealed record QueryTime(DateTimeOffset End, DateTimeOffset? Start = null, TimeSpan? Step = null)
{
    public static QueryTime Instant(DateTimeOffset at) => new(at);

    public static QueryTime Range(DateTimeOffset start, DateTimeOffset end, TimeSpan step)
    {
        if (step <= TimeSpan.Zero)
        {
            throw new ArgumentException("step: must be positive", nameof(step));
        }
        if (end < start)
        {
            throw new ArgumentException("end: must not be before start", nameof(end));
        }
        return new QueryTime(end, start, step);
    }

    public bool IsRange => Start is not null;

    /// <summary>The evaluation instants, aligned as Prometheus' query_range does (start, start+step, … ≤ end).</summary>
    public IEnumerable<DateTimeOffset> Instants()
    {
        if (Start is not { } start)
        {
            yield return End;
            yield break;
        }
        for (var t = start; t <= End; t += Step!.Value)
        {
            yield return t;
        }
    }
}
