using Kubemate.Audit.Storage;
using Kubemate.Audit.Trust;
using Npgsql;

namespace Kubemate.Audit.Tests;

/// <summary>
/// Runs the contract against a real PostgreSQL server named by <c>KUBEMATE_TEST_POSTGRES</c>
/// (scripts/postgres-for-tests.sh starts one and prints it). Missing means failing, never skipping.
/// Each test gets its own schema, so tests never see each other's chains.
/// </summary>
public sealed class PostgresAuditStoreTests : AuditStoreContract
{
    public const string ConnectionStringVariable = "KUBEMATE_TEST_POSTGRES";

    private readonly string schema = "audit_test_" + Guid.NewGuid().ToString("N");
    private readonly string trustDirectory = Path.Combine(Path.GetTempPath(), "kubemate-audit-trust-" + Guid.NewGuid().ToString("N"));
    private string? connectionString;

    public override async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{ConnectionStringVariable} is not set: run `eval \"$(scripts/postgres-for-tests.sh)\"` first; the audit store must be tested on a real PostgreSQL");
        }
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
        {
            await ExecuteSqlAsync($"DROP SCHEMA {schema} CASCADE");
            NpgsqlConnection.ClearAllPools();
        }
        if (Directory.Exists(trustDirectory))
        {
            Directory.Delete(trustDirectory, recursive: true);
        }
    }

    protected override Task<SqlAuditStore> OpenStoreCoreAsync(AuditStoreOptions options) => SqlAuditStore.OpenPostgresAsync(ConnectionString, options);

    protected override FileAuditTrust Trust => FileAuditTrust.ForPostgres(trustDirectory, ConnectionString);

    protected override AuditTampering Tampering => AuditTampering.Postgres(ConnectionString);

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected override async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private string ConnectionString => connectionString ?? throw new InvalidOperationException("not initialised");
}
