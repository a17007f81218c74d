namespace Kubemate.Telemetry;

/// <summary>A telemetry answer that is ok, partial (with warnings) or unavailable (with a reason); never an exception.</summary>
public sealed record TelemetryResult<T>
{
    private TelemetryResult(TelemetryStatus status, T? value, IReadOnlyList<string> warnings, TelemetryUnavailable? unavailable)
    {
        Status = status;
        Value = value;
        Warnings = warnings;
        Unavailable = unavailable;
    }

    public TelemetryStatus Status { get; }
    /// <summary>Set unless <see cref="Status"/> is <see cref="TelemetryStatus.Unavailable"/>.</summary>
    public T? Value { get; }
    public IReadOnlyList<string> Warnings { get; }
    public TelemetryUnavailable? Unavailable { get; }

    public bool HasValue => Status != TelemetryStatus.Unavailable;

    public static TelemetryResult<T> Ok(T value) => new(TelemetryStatus.Ok, value, [], null);

    public static TelemetryResult<T> WithWarnings(T value, IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? Ok(value) : new(TelemetryStatus.Partial, value, warnings, null);

    public static TelemetryResult<T> Fail(TelemetryUnavailable reason) => new(TelemetryStatus.Unavailable, default, [], reason);

    public static TelemetryResult<T> Fail(UnavailableReason reason, string message) => Fail(new TelemetryUnavailable(reason, message));

    /// <summary>Same status and warnings, another value.</summary>
    public TelemetryResult<TOther> Map<TOther>(Func<T, TOther> map) =>
        HasValue ? TelemetryResult<TOther>.WithWarnings(map(Value!), Warnings) : TelemetryResult<TOther>.Fail(Unavailable!);
}
