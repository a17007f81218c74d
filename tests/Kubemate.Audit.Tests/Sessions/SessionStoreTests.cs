using Kubemate.Audit.Sessions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Kubemate.Audit.Tests.Sessions;

/// <summary>
/// The sign-in sessions in the audit database, on SQLite and on a real PostgreSQL (<c>KUBEMATE_TEST_POSTGRES</c>):
/// a removed or expired session is gone for every instance sharing the database, and the table never holds a key.
/// </summary>
public sealed class SessionStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"kubemate-sessions-{Guid.NewGuid():n}");
    private readonly string _schema = "sessions_test_" + Guid.NewGuid().ToString("N");
    private readonly List<SqlSessionStore> _opened = [];
    private string? _postgres;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        var server = Environment.GetEnvironmentVariable(PostgresAuditStoreTests.ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{PostgresAuditStoreTests.ConnectionStringVariable} is not set: run `eval \"$(scripts/postgres-for-tests.sh)\"` first");
        }
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        _postgres = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ToString();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }
        await using (var connection = new NpgsqlConnection(_postgres))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }
        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_removed_session_is_gone_for_every_replica(string backend)
    {
        var (one, other) = (await OpenAsync(backend), await OpenAsync(backend));
        await one.SaveAsync("key-1", "alice", "ticket-1", _time.GetUtcNow().AddHours(8));
        await one.SaveAsync("key-2", "alice", "ticket-2", _time.GetUtcNow().AddHours(8));
        Assert.Equal("ticket-1", await other.FindAsync("key-1"));

        await other.RemoveAsync("key-1");

        Assert.Null(await one.FindAsync("key-1"));
        Assert.Equal("ticket-2", await one.FindAsync("key-2"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_session_passes_until_it_expires_and_a_renewal_moves_the_expiry(string backend)
    {
        var store = await OpenAsync(backend);
        await store.SaveAsync("key", "audrey", "ticket", _time.GetUtcNow().AddMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(9));
        await store.SaveAsync("key", "audrey", "renewed", _time.GetUtcNow().AddMinutes(10));
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal("renewed", await store.FindAsync("key"));

        _time.Advance(TimeSpan.FromMinutes(2));

        Assert.Null(await store.FindAsync("key"));
    }

    [Fact]
    public async Task The_table_holds_a_hash_of_the_key_never_the_key()
    {
        var store = await OpenAsync("sqlite");
        const string key = "the-cookie-key-0123456789";
        await store.SaveAsync(key, "alice", "ticket", _time.GetUtcNow().AddHours(1));

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_directory, "audit.db")};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM kubemate_sessions";
        var id = (string)(await command.ExecuteScalarAsync())!;
        Assert.DoesNotContain(key, id, StringComparison.Ordinal);
        Assert.Equal(64, id.Length);
    }

    private async Task<SqlSessionStore> OpenAsync(string backend)
    {
        var store = await SqlSessionStore.OpenAsync(backend == "postgres" ? _postgres : null, Path.Combine(_directory, "audit.db"), _time);
        _opened.Add(store);
        return store;
    }
}
