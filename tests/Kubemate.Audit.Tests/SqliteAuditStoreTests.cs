using Kubemate.Audit.Hashing;
using Kubemate.Audit.Storage;
using Kubemate.Audit.Trust;
using Microsoft.Data.Sqlite;

namespace Kubemate.Audit.Tests;

public sealed class SqliteAuditStoreTests : AuditStoreContract
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "kubemate-audit-" + Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(directory, "audit.db");

    protected override Task<SqlAuditStore> OpenStoreCoreAsync(AuditStoreOptions options) => SqlAuditStore.OpenSqliteAsync(DatabasePath, options);

    protected override FileAuditTrust Trust => FileAuditTrust.NextTo(DatabasePath);

    protected override AuditTampering Tampering => AuditTampering.Sqlite(DatabasePath);

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

    [Fact]
    public async Task An_emptied_file_is_found_by_a_fresh_verify_and_by_the_store_that_has_it_open()
    {
        var running = await OpenStoreAsync();
        await AuditTampering.SeedAsync(running);
        var report = await TamperAndVerifyAsync(AuditTamper.EmptyFile);
        var whileOpen = await running.VerifyAsync();

        Assert.Equal((AuditBreakKind.EmptyStore, 0L), (report.FirstBreak!.Kind, report.FirstBreak.Sequence));
        Assert.Equal(AuditBreakKind.EmptyStore, whileOpen.FirstBreak!.Kind);
        Assert.Equal(0, new FileInfo(DatabasePath).Length);
    }

    [Fact]
    public async Task Verify_only_of_a_missing_file_fails_and_creates_nothing()
    {
        var error = await Assert.ThrowsAsync<AuditStoreNotFoundException>(() =>
            SqlAuditStore.OpenSqliteAsync(DatabasePath, new AuditStoreOptions { VerifyOnly = true }));

        Assert.StartsWith($"no audit store at {DatabasePath}", error.Message);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_file_its_folder_the_key_and_the_anchors_are_private()
    {
        var store = await OpenStoreAsync();
        await store.AppendAsync(AuditEntries.MeshEnable());
        await store.DisposeAsync();

        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
        Assert.Equal(owner, File.GetUnixFileMode(DatabasePath));
        Assert.Equal(owner, File.GetUnixFileMode(Trust.KeyPath));
        Assert.Equal(owner, File.GetUnixFileMode(Trust.AnchorPath));
    }

    [Fact]
    public async Task A_store_kept_before_keys_is_verified_with_plain_hashes_up_to_a_signed_switch_point()
    {
        var legacy = await LegacyStoreWithTwoRecordsAsync();
        var store = await OpenStoreAsync();
        var appended = await store.AppendAsync(AuditEntries.RouteApply());
        var key = (await Trust.ReadKeyAsync(CancellationToken.None))!;
        var intact = await store.VerifyAsync();
        await ExecuteSqlAsync("UPDATE audit_records SET user_name = 'mallory' WHERE seq = 1");
        var edited = await store.VerifyAsync();
        await ExecuteSqlAsync("UPDATE audit_records SET user_name = 'alice@bank.example' WHERE seq = 1");
        await ExecuteSqlAsync("UPDATE audit_chain_keying SET keyed_from = 4");
        var moved = await store.VerifyAsync();

        Assert.Equal(3, appended.Sequence);
        Assert.Equal(AuditHasher.Compute(appended, key), appended.Hash);
        Assert.Equal(legacy[1].Hash, appended.PreviousHash);
        Assert.True(intact.IsValid, intact.FirstBreak?.Message);
        Assert.Equal([2L], (await Trust.ReadAnchorLinesAsync(CancellationToken.None)).Select(l => AuditAnchor.TryParse(l)!.Count));
        Assert.Equal((AuditBreakKind.HashMismatch, 1L), (edited.FirstBreak!.Kind, edited.FirstBreak.Sequence));
        Assert.Equal(AuditBreakKind.AnchorMismatch, moved.FirstBreak!.Kind);
        Assert.Contains("switch point", moved.FirstBreak.Message);
    }

    /// <summary>What the unkeyed chain left behind: schema version 1 only, records hashed with plain SHA-256.</summary>
    private async Task<IReadOnlyList<AuditRecord>> LegacyStoreWithTwoRecordsAsync()
    {
        Directory.CreateDirectory(directory);
        foreach (var statement in AuditMigrations.All.Single(m => m.Version == 1).Statements)
        {
            await ExecuteSqlAsync(statement);
        }
        await ExecuteSqlAsync($"CREATE TABLE {AuditMigrations.HistoryTable} (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at_us BIGINT NOT NULL)");
        await ExecuteSqlAsync($"INSERT INTO {AuditMigrations.HistoryTable} VALUES (1, 'audit records and their objects', 0)");
        var records = new List<AuditRecord>();
        var previous = AuditChain.GenesisHash;
        foreach (var (sequence, user) in new[] { (1L, "alice@bank.example"), (2L, "bob@bank.example") })
        {
            var record = new AuditRecord
            {
                Sequence = sequence, Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, (int)sequence, TimeSpan.Zero), User = user, Groups = [],
                SourceAddress = "cli", Cluster = "prod", Operation = "apply", DryRun = false, Outcome = AuditOutcome.Allowed, Objects = [],
                Diff = "", PreviousHash = previous, Hash = "",
            };
            record = record with { Hash = AuditHasher.ComputeUnkeyed(record) };
            await ExecuteSqlAsync(
                $"INSERT INTO audit_records VALUES ({sequence}, {(record.Timestamp - DateTimeOffset.UnixEpoch).Ticks / 10}, '{user}', '[]', 'cli', 'prod', 'apply', 0, 'allowed', '', '{previous}', '{record.Hash}')");
            records.Add(record);
            previous = record.Hash;
        }
        return records;
    }

    private async Task<SqliteConnection> OpenRawAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }
}
