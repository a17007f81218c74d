using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Host.Audit;
using Kubemate.Host.Tests.Support;
using Npgsql;

namespace Kubemate.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class AuditApiTests(HostFixture host)
{
    [Fact]
    public async Task Users_read_their_own_records_while_cluster_wide_viewers_read_and_verify_all()
    {
        using var olivia = host.Bearer("olivia");
        using var alice = host.Bearer("alice");
        await olivia.PostJsonAsync("/api/v1/changesets/preview", ChangeSets.Objects(ChangeSets.ConfigMap("orders", "audited-olivia", "1")));
        await alice.PostJsonAsync("/api/v1/changesets/preview", ChangeSets.Objects(ChangeSets.ConfigMap("default", "audited-alice", "1")));

        var own = (await olivia.GetJsonAsync("/api/v1/audit")).AsArray();
        Assert.NotEmpty(own);
        Assert.All(own, r => Assert.Equal("olivia", (string?)r!["user"]));
        using var others = await olivia.GetAsync("/api/v1/audit?user=alice");
        await Json.ProblemAsync(others, HttpStatusCode.Forbidden);
        using var verifyRefused = await olivia.PostAsync("/api/v1/audit/verify", null);
        await Json.ProblemAsync(verifyRefused, HttpStatusCode.Forbidden);

        using var audrey = host.Bearer("audrey");
        var all = (await audrey.GetJsonAsync("/api/v1/audit?limit=1000")).AsArray();
        Assert.Contains(all, r => (string?)r!["user"] == "alice");
        Assert.Contains(all, r => (string?)r!["user"] == "olivia");
        var sequences = all.Select(r => (long)r!["sequence"]!).ToList();
        Assert.Equal(sequences.OrderDescending(), sequences);
        var report = await audrey.PostJsonAsync("/api/v1/audit/verify", new JsonObject());
        Assert.True((bool)report["isValid"]!, report.ToJsonString());
    }

    [Fact]
    public async Task Export_writes_one_json_record_per_line_with_its_hashes()
    {
        using var alice = host.Bearer("alice");
        await alice.PostJsonAsync("/api/v1/changesets/preview", ChangeSets.Objects(ChangeSets.ConfigMap("default", "exported-audit", "1")));
        using var response = await alice.GetAsync("/api/v1/audit/export?user=alice&kind=ConfigMap&name=exported-audit");
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, line =>
        {
            var record = JsonNode.Parse(line)!;
            Assert.Equal("alice", (string?)record["user"]);
            Assert.Equal(64, ((string?)record["hash"])!.Length);
        });
    }

    [Fact]
    public async Task The_audit_api_works_on_postgresql()
    {
        await using var postgres = await PostgresSchema.CreateAsync();
        await using var onPostgres = await RunningHost.StartAsync(host.Options(postgres.Location));
        using var alice = ApiClient.WithBearer(onPostgres.Url, host.TokenOf("alice"));
        var name = $"pg-{Guid.NewGuid():n}"[..12];
        var applied = await alice.PostJsonAsync("/api/v1/changesets/apply", ChangeSets.Objects(ChangeSets.ConfigMap("default", name, "1")));
        Assert.True((bool)applied["succeeded"]!);

        var records = (await alice.GetJsonAsync($"/api/v1/audit?kind=ConfigMap&name={name}")).AsArray();
        Assert.Contains(records, r => (string?)r!["operation"] == "apply" && (string?)r["outcome"] == "Allowed" && !(bool)r["dryRun"]!);
        var report = await alice.PostJsonAsync("/api/v1/audit/verify", new JsonObject());
        Assert.True((bool)report["isValid"]!, report.ToJsonString());
        Assert.Equal("ok", await alice.Http.GetStringAsync("/readyz"));
    }

    [Theory]
    [InlineData(AuditTamper.TailTruncation)]
    [InlineData(AuditTamper.FullDeletion)]
    [InlineData(AuditTamper.EmptyFile)]
    [InlineData(AuditTamper.EditAndRehash)]
    [InlineData(AuditTamper.ForgedAppend)]
    [InlineData(AuditTamper.RowEdit)]
    [InlineData(AuditTamper.Reorder)]
    public async Task Verify_reports_each_tamper_case_of_a_sqlite_store(AuditTamper tamper)
    {
        var location = host.FreshAuditStore();
        await using (var store = await AuditStores.OpenAsync(null, location.SqlitePath!))
        {
            await AuditTampering.SeedAsync(store);
        }
        await AuditTampering.Sqlite(location.SqlitePath!).ApplyAsync(tamper);

        await AssertVerifyFindsAsync(location, tamper);
    }

    [Theory]
    [InlineData(AuditTamper.TailTruncation)]
    [InlineData(AuditTamper.FullDeletion)]
    [InlineData(AuditTamper.EditAndRehash)]
    [InlineData(AuditTamper.ForgedAppend)]
    [InlineData(AuditTamper.RowEdit)]
    [InlineData(AuditTamper.Reorder)]
    public async Task Verify_reports_each_tamper_case_of_a_postgresql_store(AuditTamper tamper)
    {
        await using var postgres = await PostgresSchema.CreateAsync();
        await using (var store = await AuditStores.OpenAsync(postgres.ConnectionString, "", postgres.Location.Options(TimeProvider.System)))
        {
            await AuditTampering.SeedAsync(store);
        }
        await AuditTampering.Postgres(postgres.ConnectionString).ApplyAsync(tamper);

        await AssertVerifyFindsAsync(postgres.Location, tamper);
    }

    private async Task AssertVerifyFindsAsync(AuditStoreLocation location, AuditTamper tamper)
    {
        await using var running = await RunningHost.StartAsync(host.Options(location));
        using var audrey = ApiClient.WithBearer(running.Url, host.TokenOf("audrey"));

        var report = await audrey.PostJsonAsync("/api/v1/audit/verify", new JsonObject());

        var (kind, sequence) = AuditTampering.Expected(tamper);
        Assert.False((bool)report["isValid"]!, report.ToJsonString());
        Assert.Equal(kind.ToString(), (string?)report["firstBreak"]!["kind"]);
        Assert.Equal(sequence, (long)report["firstBreak"]!["sequence"]!);
    }

    /// <summary>A schema of its own on the test server, and a folder for its key and anchors; both removed afterwards.</summary>
    private sealed class PostgresSchema : IAsyncDisposable
    {
        private readonly string server;
        private readonly string schema = "host_audit_" + Guid.NewGuid().ToString("N");
        private readonly string trust = Path.Combine(Path.GetTempPath(), "kubemate-host-trust-" + Guid.NewGuid().ToString("N"));

        private PostgresSchema(string server)
        {
            this.server = server;
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ToString();
        }

        public string ConnectionString { get; }

        public AuditStoreLocation Location => new(ConnectionString, null) { TrustDirectory = trust };

        public static async Task<PostgresSchema> CreateAsync()
        {
            var server = Environment.GetEnvironmentVariable("KUBEMATE_TEST_POSTGRES");
            Assert.False(string.IsNullOrEmpty(server),
                "KUBEMATE_TEST_POSTGRES is not set: run eval \"$(bash scripts/postgres-for-tests.sh)\" first (CI sets it)");
            var created = new PostgresSchema(server);
            await created.ExecuteAsync($"CREATE SCHEMA {created.schema}");
            return created;
        }

        public async ValueTask DisposeAsync()
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync($"DROP SCHEMA {schema} CASCADE");
            if (Directory.Exists(trust))
            {
                Directory.Delete(trust, recursive: true);
            }
        }

        private async Task ExecuteAsync(string sql)
        {
            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
