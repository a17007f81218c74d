using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Host.Audit;
using Kubemate.Host.Tests.Support;

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
        var connection = Environment.GetEnvironmentVariable("KUBEMATE_TEST_POSTGRES");
        Assert.False(string.IsNullOrEmpty(connection),
            "KUBEMATE_TEST_POSTGRES is not set: run eval \"$(bash scripts/postgres-for-tests.sh)\" first (CI sets it)");
        await using var onPostgres = await RunningHost.StartAsync(host.Options(new AuditStoreLocation(connection, null)));
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
}
