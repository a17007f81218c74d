using Kubemate.Direct;
using Kubemate.Direct.Terminal;

namespace Kubemate.Tests.Cli.Operations;

public sealed class FlagValueTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("90s", "2026-11-25T11:58:30Z")]
    [InlineData("1h30m", "2026-11-25T10:30:00Z")]
    [InlineData("7d", "2026-11-18T12:00:00Z")]
    [InlineData("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z")]
    [InlineData("2026-11-25T11:00:00+01:00", "2026-11-25T10:00:00Z")]
    public void Since_takes_a_duration_back_from_now_or_a_time(string text, string expected)
    {
        var since = SinceValue.TryParse(text, Now, out var error);
        Assert.Null(error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), since);
    }

    [Theory]
    [InlineData("1 hour")]
    [InlineData("-5m")]
    [InlineData("yesterday")]
    [InlineData("1w")]
    public void Since_rejects_anything_else_and_says_what_it_takes(string text)
    {
        Assert.Null(SinceValue.TryParse(text, Now, out var error));
        Assert.Contains("neither a duration", error);
    }

    [Fact]
    public void Audit_location_tells_a_connection_string_from_a_file()
    {
        Assert.Equal("Host=db;Database=audit", LocalAuditLocation.Resolve("Host=db;Database=audit").PostgresConnectionString);
        var file = LocalAuditLocation.Resolve("audit.db");
        Assert.Null(file.PostgresConnectionString);
        Assert.Equal(Path.GetFullPath("audit.db"), file.SqlitePath);
        Assert.DoesNotContain("secret", LocalAuditLocation.Resolve("Host=db;Password=secret;Database=a").ToString());
    }
}
