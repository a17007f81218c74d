using System.Collections.Concurrent;

namespace Kubemate.Host.Limits;

/// <summary>
/// Counts failed sign-ins per user name and per client address in fixed windows; once either count reaches its
/// limit, sign-ins for that name or from that address are refused (before the password is checked) until the window
/// ends. Successful sign-ins count nothing. Held in memory: each replica throttles what it sees.
/// </summary>
public sealed class SignInThrottle(RequestLimits limits, TimeProvider time)
{
    // Beyond this many tracked names and addresses, expired windows are swept on the next failure.
    private const int SweepThreshold = 10_000;

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>How long the caller must wait, or null when this sign-in may be tried.</summary>
    public TimeSpan? RetryAfter(string? user, string address)
    {
        var now = time.GetUtcNow();
        var waits = new[] { Wait(UserKey(user), limits.SignInFailuresPerUser, now), Wait(AddressKey(address), limits.SignInFailuresPerAddress, now) };
        return waits.Max();
    }

    public void RecordFailure(string? user, string address)
    {
        var now = time.GetUtcNow();
        if (_windows.Count > SweepThreshold)
        {
            foreach (var (key, window) in _windows.Where(w => w.Value.EndsAt <= now))
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, window));
            }
        }
        if (UserKey(user) is { } userKey)
        {
            Count(userKey, now);
        }
        Count(AddressKey(address)!, now);
    }

    private TimeSpan? Wait(string? key, int limit, DateTimeOffset now) =>
        key is not null && _windows.TryGetValue(key, out var window) && window.EndsAt > now && window.Failures >= limit
            ? window.EndsAt - now
            : null;

    private void Count(string key, DateTimeOffset now) =>
        _windows.AddOrUpdate(key,
            _ => new Window(now + limits.SignInWindow, 1),
            (_, window) => window.EndsAt > now ? window with { Failures = window.Failures + 1 } : new Window(now + limits.SignInWindow, 1));

    private static string? UserKey(string? user) => string.IsNullOrEmpty(user) ? null : "user:" + user;

    private static string AddressKey(string address) => "address:" + address;

    private sealed record Window(DateTimeOffset EndsAt, int Failures);
}
