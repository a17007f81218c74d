using Kubemate.Audit;
using Kubemate.Audit.Storage;
using Kubemate.Audit.Trust;
using Npgsql;

namespace Kubemate.Application.Tests;

/// <summary>
/// A fresh audit store per test: a temporary SQLite file, or its own schema on the PostgreSQL server named by
/// <c>KUBEMATE_TEST_POSTGRES</c> (scripts/postgres-for-tests.sh starts one). Missing means failing, never skipping.
/// </summary>
public sealed class AuditBackend : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private readonly Func<Task> _cleanup;

    private AuditBackend(IAuditStore store, Func<Task> cleanup)
    {
        Store = store;
        _cleanup = cleanup;
    }

    public IAuditStore Store { get; }

    public static async Task<AuditBackend> OpenAsync(string kind)
    {
        if (kind == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), $"kubemate-ops-audit-{Guid.NewGuid():n}");
            return new AuditBackend(await SqlAuditStore.OpenSqliteAsync(Path.Combine(folder, "audit.db")), () =>
            {
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            });
        }
        var server = Environment.GetEnvironmentVariable("KUBEMATE_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("KUBEMATE_TEST_POSTGRES is not set: run `eval \"$(scripts/postgres-for-tests.sh)\"` first; audited operations are tested on a real PostgreSQL too");
        }
        var schema = "ops_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        var connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
        var trust = Path.Combine(Path.GetTempPath(), $"kubemate-ops-trust-{Guid.NewGuid():n}");
        return new AuditBackend(await SqlAuditStore.OpenPostgresAsync(connectionString, new AuditStoreOptions { Trust = FileAuditTrust.ForPostgres(trust, connectionString) }), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
            Directory.Delete(trust, recursive: true);
        });
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        await _cleanup();
    }
}
