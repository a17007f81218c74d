namespace Kubemate.Telemetry.Golden;

/// <summary>A metrics window. The API accepts 1m, 5m, 15m and 1h.</summary>
public readonly record struct TelemetryWindow
{
    private static readonly TelemetryWindow[] Allowed =
    [
        new("1m", TimeSpan.FromMinutes(1)),
        new("5m", TimeSpan.FromMinutes(5)),
        new("15m", TimeSpan.FromMinutes(15)),
        new("1h", TimeSpan.FromHours(1)),
    ];

    internal TelemetryWindow(string name, TimeSpan duration)
    {
        Name = name;
        Duration = duration;
    }

    public string Name { get; }
    public TimeSpan Duration { get; }

    public static TelemetryWindow OneMinute => Allowed[0];

    /// <summary>Shortest and longest analysis window: two scrapes of the embedded store at its fastest, and the longest window of the API.</summary>
    public static readonly TimeSpan ShortestAnalysis = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A window of any length from 2 s to 1 h, for a canary check tuned to the scrape interval; the API's windows stay
    /// the four above. Named in seconds (<c>30s</c>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">the duration is outside 2 s - 1 h.</exception>
    public static TelemetryWindow Analysis(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, ShortestAnalysis);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(duration, TimeSpan.FromHours(1));
        return new TelemetryWindow($"{(long)duration.TotalSeconds}s", duration);
    }

    public static IReadOnlyList<string> AllowedNames => Allowed.Select(w => w.Name).ToList();

    public static bool TryParse(string? text, out TelemetryWindow window)
    {
        window = Allowed.FirstOrDefault(w => w.Name == text);
        return window.Name is not null;
    }

    /// <summary>Parses or throws an <see cref="ArgumentException"/> naming <c>window</c> and the allowed values.</summary>
    public static TelemetryWindow Parse(string? text) => TryParse(text, out var window)
        ? window
        : throw new ArgumentException($"window: \"{text}\" is not one of {string.Join(", ", AllowedNames)}");

    /// <summary>Time-series step for this window: a quarter of it, at least 10 s.</summary>
    public TimeSpan SeriesStep => Duration / 4 < TimeSpan.FromSeconds(10) ? TimeSpan.FromSeconds(10) : Duration / 4;

    public override string ToString() => Name;
}
