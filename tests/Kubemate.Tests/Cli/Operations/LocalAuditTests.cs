using Kubemate.Audit;
using Microsoft.Data.Sqlite;

namespace Kubemate.Tests.Cli.Operations;

/// <summary><c>kubemate audit</c> in direct mode reads the local store; no cluster is needed.</summary>
public sealed class LocalAuditTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public void Dispose() => _files.Dispose();

    private async Task<string> StoreWith(params (string User, string Namespace, string Operation)[] entries)
    {
        var path = _files.File($"audit-{Guid.NewGuid():n}.db");
        await using var store = await AuditStores.OpenAsync(null, path);
        foreach (var (user, ns, operation) in entries)
        {
            await store.AppendAsync(new AuditEntry
            {
                User = user,
                SourceAddress = "cli",
                Cluster = "kubemate-sandbox",
                Operation = operation,
                Outcome = AuditOutcome.Allowed,
                Objects = [new AuditObjectChange("apps/v1", "Deployment", ns, "app", "update", "applied")],
            });
        }
        return path;
    }

    [Fact]
    public async Task Records_are_listed_oldest_first_and_filtered_by_user_and_namespace()
    {
        var store = await StoreWith(("alice", "users", "mesh-enable"), ("olivia", "orders", "apply"), ("alice", "orders", "apply"));

        var all = await Cli.SucceedAsync("audit", "--audit", store);
        var filtered = await Cli.SucceedAsync("audit", "--audit", store, "--user", "alice", "-n", "orders", "--since", "1h");

        Assert.Equal(["1", "2", "3"], ServerModeTests.Lines(all.StdOut).Skip(1).Select(l => l.Split(' ')[0]));
        var rows = ServerModeTests.Lines(filtered.StdOut);
        Assert.Equal(2, rows.Length);
        Assert.Equal(["3", "alice", "apply", "allowed", "deployment/orders/app"], rows[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where((_, i) => i != 1));
    }

    [Fact]
    public async Task Limit_keeps_the_newest_records()
    {
        var store = await StoreWith(("a", "x", "apply"), ("b", "x", "apply"), ("c", "x", "apply"));

        var result = await Cli.SucceedAsync("audit", "--audit", store, "--limit", "2", "-o", "jsonl");

        Assert.Equal([2L, 3L], result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Audit.Export.AuditJsonLines.Parse(l).Sequence));
    }

    [Fact]
    public async Task Verify_passes_on_an_intact_chain_and_exits_1_naming_the_edited_record()
    {
        var store = await StoreWith(("alice", "users", "mesh-enable"), ("olivia", "orders", "apply"), ("alice", "orders", "apply"));

        var intact = await Cli.SucceedAsync("audit", "verify", "--audit", store);
        Assert.StartsWith("audit chain intact: 3 records checked, head 3 ", intact.StdOut);

        await using (var connection = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            await connection.OpenAsync();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_records SET user_name = 'mallory' WHERE seq = 2";
            await command.ExecuteNonQueryAsync();
        }
        var broken = await Cli.RunAsync("audit", "verify", "--audit", store);

        Assert.Equal(1, broken.ExitCode);
        Assert.StartsWith("audit chain BROKEN at record 2 (HashMismatch)", broken.StdOut);
    }
}
