using Kubemate.Host.Audit;

namespace Kubemate.Host.Tests.Audit;

/// <summary><c>serve --audit</c> reads the flag by the same rule as the direct commands.</summary>
public sealed class AuditStoreLocationTests
{
    [Fact]
    public void A_connection_string_without_host_first_is_still_postgresql_and_is_logged_without_its_password()
    {
        var location = AuditStoreLocation.Parse("Server=db;Password=s3cret;Database=audit", dataDirectory: null);

        Assert.Equal("Server=db;Password=s3cret;Database=audit", location.PostgresConnectionString);
        Assert.Null(location.SqlitePath);
        Assert.Equal("PostgreSQL Server=db;Database=audit", location.ToString());
    }

    [Fact]
    public void A_path_is_a_sqlite_file_made_absolute_and_no_flag_means_audit_db_in_the_data_directory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "kubemate-audit-location-" + Guid.NewGuid().ToString("n")[..8]);
        try
        {
            var file = AuditStoreLocation.Parse("audit.db", directory);
            var fallback = AuditStoreLocation.Parse(null, directory);

            Assert.Null(file.PostgresConnectionString);
            Assert.Equal(Path.GetFullPath("audit.db"), file.SqlitePath);
            Assert.Equal(Path.Combine(directory, "audit.db"), fallback.SqlitePath);
            Assert.True(Directory.Exists(directory));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
