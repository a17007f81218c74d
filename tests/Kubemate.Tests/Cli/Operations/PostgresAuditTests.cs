using Kubemate.Audit;
using Kubemate.Audit.Trust;
using Kubemate.Direct;
using Npgsql;

namespace Kubemate.Tests.Cli.Operations;

/// <summary>
/// Direct mode with <c>--audit</c> set to a PostgreSQL connection string, on the real server named by
/// <c>KUBEMATE_TEST_POSTGRES</c> (scripts/postgres-for-tests.sh); missing means failing, never skipping.
/// </summary>
public sealed class PostgresAuditTests(DemoSandbox sandbox) : IClassFixture<DemoSandbox>, IAsyncLifetime
{
    private const string Variable = "KUBEMATE_TEST_POSTGRES";

    private readonly string _schema = "cli_audit_" + Guid.NewGuid().ToString("N");
    private readonly TempDirectory _files = new();
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"{Variable} is not set: run `eval \"$(scripts/postgres-for-tests.sh)\"` first");
        }
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", admin);
            await create.ExecuteNonQueryAsync();
        }
        _connectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = _schema }.ToString();
    }

    public async Task DisposeAsync()
    {
        // Direct mode keeps a PostgreSQL store's key and anchors in the user's data folder, named after the schema.
        var trust = FileAuditTrust.ForPostgres(LocalAuditLocation.Resolve(_connectionString).TrustDirectory, _connectionString);
        File.Delete(trust.KeyPath);
        File.Delete(trust.AnchorPath);
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(Environment.GetEnvironmentVariable(Variable)))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", admin);
            await drop.ExecuteNonQueryAsync();
        }
        _files.Dispose();
    }

    [Fact]
    public async Task Apply_records_to_a_postgresql_store_that_audit_then_lists_and_verifies()
    {
        var name = $"pg-{Guid.NewGuid():n}"[..11];
        string[] direct = ["--kubeconfig", sandbox.Kubeconfig, "--context", "kubemate-sandbox-olivia", "--audit", _connectionString];

        await Cli.SucceedAsync(["apply", "-f", _files.Write("a.yaml", OperationManifests.ConfigMap("a", name: name)), .. direct]);
        var listed = await Cli.SucceedAsync(["audit", "--user", "olivia", "--audit", _connectionString]);
        var verified = await Cli.SucceedAsync(["audit", "verify", "--audit", _connectionString]);

        var rows = ServerModeTests.Lines(listed.StdOut).Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("apply (dry run)", rows[0]);
        Assert.Contains($"configmap/orders/{name}", rows[1]);
        Assert.StartsWith("audit chain intact: 2 records checked", verified.StdOut);
    }

    [Theory]
    [InlineData(AuditTamper.TailTruncation)]
    [InlineData(AuditTamper.FullDeletion)]
    [InlineData(AuditTamper.EditAndRehash)]
    [InlineData(AuditTamper.ForgedAppend)]
    [InlineData(AuditTamper.RowEdit)]
    [InlineData(AuditTamper.Reorder)]
    public async Task Verify_exits_1_naming_each_tamper_case_on_postgresql(AuditTamper tamper)
    {
        await using (var store = await AuditStores.OpenAsync(_connectionString, "", LocalAuditLocation.Resolve(_connectionString).Options(verifyOnly: false)))
        {
            await AuditTampering.SeedAsync(store);
        }
        await AuditTampering.Postgres(_connectionString).ApplyAsync(tamper);

        var broken = await Cli.RunAsync("audit", "verify", "--audit", _connectionString);

        var (kind, sequence) = AuditTampering.Expected(tamper);
        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith($"audit chain BROKEN at record {sequence} ({kind})", broken.StdOut);
    }
}
