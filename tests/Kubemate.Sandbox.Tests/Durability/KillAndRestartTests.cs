using Kubemate.Testing.Durability;

namespace Kubemate.Sandbox.Tests.Durability;

/// <summary>
/// A real <c>kubemate sandbox</c> process with <c>--data-dir</c>, killed with SIGKILL while randomized writes are in
/// flight and restarted on the same directory: every acknowledged write comes back byte for byte, in every round.
/// bench/Kubemate.Sandbox.Scale (<c>durability --rounds N</c>) runs the same workload for longer and prints figures.
/// </summary>
public sealed class KillAndRestartTests
{
    [Theory]
    [InlineData(20261207)]
    [InlineData(12)]
    public async Task Every_acknowledged_write_comes_back_byte_for_byte_after_sigkills_at_random_moments(int seed)
    {
        var work = Path.Combine(Path.GetTempPath(), "kubemate-tests", Guid.NewGuid().ToString("n"));
        var options = new DurabilityOptions { Seed = seed, Rounds = 3, Writers = 3, LongestRound = TimeSpan.FromSeconds(2.5) };

        var report = await new DurabilityWorkload(options).RunAsync(work);

        Assert.True(report.Losses.Count == 0, string.Join('\n', report.Losses));
        Assert.Equal(options.Rounds + 2, report.Rounds.Count);
        Assert.True(report.Rounds[^1].Acknowledged > 0, "no write was acknowledged: the workload did not run");
        Assert.All(report.Rounds.Skip(1), r => Assert.True(r.Checked > 0, $"round {r.Round} checked nothing"));
    }

    [Fact]
    public async Task A_journal_line_that_cannot_be_read_stops_the_process_naming_the_file_and_the_line()
    {
        var work = Path.Combine(Path.GetTempPath(), "kubemate-tests", Guid.NewGuid().ToString("n"));
        var dataDir = Path.Combine(work, "data");
        await using (var sandbox = await SandboxProcess.StartAsync(work, "--empty", "--data-dir", dataDir))
        {
            using var http = await SandboxHttp.FromKubeconfigAsync(sandbox.Kubeconfig);
            for (var i = 0; i < 3; i++)
            {
                using var created = await http.PostAsync("/api/v1/namespaces/default/configmaps",
                    new StringContent($$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm-{{{i}}}"}}""", System.Text.Encoding.UTF8, "application/json"));
                Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
            }
        }
        var journal = Path.Combine(dataDir, "state", "journal.log");
        var lines = File.ReadAllLines(journal);
        var broken = Array.FindIndex(lines, l => l.Contains("\"cm-0\"", StringComparison.Ordinal));
        Assert.InRange(broken, 0, lines.Length - 3); // a middle line: cm-1 and cm-2 follow it
        lines[broken] = lines[broken][..(lines[broken].Length / 2)]; // a half line with later lines after it: corruption, not a torn tail
        File.WriteAllLines(journal, lines);

        var dll = Path.Combine(AppContext.BaseDirectory, "kubemate.dll");
        var result = await ProcessRunner.RunAsync("dotnet", [dll, "sandbox", "--listen", "127.0.0.1:0", "--empty", "--data-dir", dataDir], timeout: TimeSpan.FromSeconds(90));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{journal}, line {broken + 1}: the journal cannot be read", result.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("ready ", result.StdOut, StringComparison.Ordinal);
        Assert.Equal(lines, File.ReadAllLines(journal)); // nothing rewritten: the operator can still repair it
    }
}
