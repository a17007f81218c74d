namespace Kubemate.Host.Limits;

/// <summary>
/// How much one user or client may ask of the host: failed sign-ins, mutating API calls, and the size of one audit
/// record. Checked at start (<see cref="Options.KubemateHostOptionsValidator"/>); docs/rest-api.md gives the defaults.
/// </summary>
public sealed record RequestLimits
{
    /// <summary>Failed sign-ins allowed per user name within <see cref="SignInWindow"/>; then 429 until the window ends.</summary>
    public int SignInFailuresPerUser { get; init; } = 5;

    /// <summary>Failed sign-ins allowed per client address within <see cref="SignInWindow"/>, whatever the user names.</summary>
    public int SignInFailuresPerAddress { get; init; } = 20;

    public TimeSpan SignInWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Mutating <c>/api/v1</c> calls a user (or, signed out, an address) may make at once: the token bucket's size.</summary>
    public int MutationBurst { get; init; } = 60;

    /// <summary>How fast the bucket refills: mutating calls per minute sustained.</summary>
    public int MutationsPerMinute { get; init; } = 60;

    /// <summary>The largest audit record one call may cause (its JSON size); a larger change set is refused with 413.</summary>
    public int AuditRecordMaxBytes { get; init; } = 256 * 1024;
}
