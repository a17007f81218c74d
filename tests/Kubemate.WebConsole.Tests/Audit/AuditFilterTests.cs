using Kubemate.WebConsole.Audit;

namespace Kubemate.WebConsole.Tests.Audit;

public sealed class AuditFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Blank_filters_mean_any_and_results_come_newest_first()
    {
        var query = new AuditFilter("  ", "", AuditTimeRange.All).ToQuery(Now);

        Assert.Null(query.User);
        Assert.Null(query.Namespace);
        Assert.Null(query.From);
        Assert.True(query.Descending);
        Assert.Equal(AuditFilter.PageSize, query.Limit);
    }

    [Theory]
    [InlineData(AuditTimeRange.LastHour, 1)]
    [InlineData(AuditTimeRange.LastDay, 24)]
    [InlineData(AuditTimeRange.LastWeek, 24 * 7)]
    [InlineData(AuditTimeRange.LastMonth, 24 * 30)]
    public void The_time_range_counts_back_from_now(AuditTimeRange range, int hours) =>
        Assert.Equal(Now.AddHours(-hours), new AuditFilter(null, null, range).ToQuery(Now).From);

    [Fact]
    public void User_and_namespace_are_trimmed()
    {
        var query = new AuditFilter(" alice ", " users", AuditTimeRange.All).ToQuery(Now);

        Assert.Equal(("alice", "users"), (query.User, query.Namespace));
    }
}
