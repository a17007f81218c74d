namespace Kubemate.Audit.Tests;

public sealed class AuditConnectionStringsTests
{
    [Theory]
    [InlineData("Host=db;Database=audit", true)]
    [InlineData("Server=db;Port=5432;Database=audit", true)]
    [InlineData("Host=db", true)]
    [InlineData(" host=db ", true)]
    [InlineData("audit.db", false)]
    [InlineData("/var/lib/kubemate/audit.db", false)]
    [InlineData("/data/a=b/audit.db", false)]
    public void A_connection_string_is_told_from_a_file_path(string text, bool postgres) =>
        Assert.Equal(postgres, AuditConnectionStrings.IsPostgres(text));

    [Fact]
    public void The_shown_form_keeps_the_host_and_drops_the_password()
    {
        var shown = AuditConnectionStrings.Redacted("Host=db; Password=s3cret ;Database=audit;Username=km");

        Assert.Equal("PostgreSQL Host=db;Database=audit;Username=km", shown);
    }
}
