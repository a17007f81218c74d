using Kubemate.Audit;

namespace Kubemate.WebConsole.Audit;

/// <summary>What the audit page filters on; blank text means "any".</summary>
public sealed record AuditFilter(string? User, string? Namespace, AuditTimeRange Range)
{
    public const int PageSize = 200;

    public static AuditFilter Default { get; } = new(null, null, AuditTimeRange.LastWeek);

    /// <summary>The store query: newest first, at most <see cref="PageSize"/> records.</summary>
    public AuditQuery ToQuery(DateTimeOffset now) => new()
    {
        User = Blank(User),
        Namespace = Blank(Namespace),
        From = Range switch
        {
            AuditTimeRange.LastHour => now.AddHours(-1),
            AuditTimeRange.LastDay => now.AddDays(-1),
            AuditTimeRange.LastWeek => now.AddDays(-7),
            AuditTimeRange.LastMonth => now.AddDays(-30),
            _ => null,
        },
        Descending = true,
        Limit = PageSize,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
