namespace Kubemate.Telemetry;

public enum TelemetryStatus
{
    Ok,
    /// <summary>An answer, with warnings (e.g. Thanos' partial responses): show it, and show the warnings.</summary>
    Partial,
    /// <summary>No answer: see <see cref="TelemetryUnavailable"/>.</summary>
    Unavailable,
}

public enum UnavailableReason
{
    /// <summary>The backend could not be reached (connection refused, DNS, TLS).</summary>
    Unreachable,
    /// <summary>The backend did not answer in time.</summary>
    Timeout,
    /// <summary>The backend answered something that is not a Prometheus API response (HTTP error page, bad JSON).</summary>
    BadResponse,
    /// <summary>The backend rejected or failed the query (Prometheus' errorType/error).</summary>
    QueryError,
    /// <summary>The embedded store has no data yet (no scrape has completed).</summary>
    NoData,
}

/// <summary>Why telemetry could not be read, in terms a console can show.</summary>
public sealed record TelemetryUnavailable(UnavailableReason Reason, string Message, string? ErrorType = null, int? HttpStatus = null);
