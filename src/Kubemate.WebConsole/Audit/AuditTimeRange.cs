namespace Kubemate.WebConsole.Audit;

/// <summary>The time ranges the audit page offers, counted back from now.</summary>
public enum AuditTimeRange
{
    LastHour,
    LastDay,
    LastWeek,
    LastMonth,
    All,
}
