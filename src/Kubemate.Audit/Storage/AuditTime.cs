namespace Kubemate.Audit.Storage;

/// <summary>Timestamps are kept as whole microseconds since the Unix epoch (UTC), the finest precision PostgreSQL keeps.</summary>
internal static class AuditTime
{
    public static DateTimeOffset Truncate(DateTimeOffset value) =>
        new(value.UtcTicks - value.UtcTicks % 10, TimeSpan.Zero);

    public static long ToMicroseconds(DateTimeOffset value) =>
        (value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks(checked(microseconds * 10));
}
