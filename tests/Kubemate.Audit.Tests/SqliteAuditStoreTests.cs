using Kubemate.Audit.Storage;
using Microsoft.Data.Sqlite;

namespace Kubemate.Audit.Tests;

public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kubemate-audit-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "audit.db");

    protected override Task<SqlAuditStore> OpenStoreCoreAsync() => SqlAuditStore.OpenSqliteAsync(DatabasePath, Time);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenRawAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Opening_creates_the_file_and_its_folder()
    {
        await OpenStoreAsync();

        Assert.True(File.Exists(DatabasePath));
    }

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
