using System.CommandLine;
using Kubemate.Testing.Durability;

namespace Kubemate.Sandbox.Scale;

/// <summary>
/// <c>durability</c>: the CI durability workload (randomized writes, SIGKILL at a random moment, restart on the same
/// data directory, every acknowledged write read back byte for byte) for as many rounds as asked, with figures.
/// </summary>
public static class DurabilityCommand
{
    public static Command Create(Func<CancellationToken> interrupted)
    {
        var rounds = new Option<int>("--rounds") { Description = "Rounds of writes, each ended by a SIGKILL", DefaultValueFactory = _ => 20 };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice (writes, sizes, kill moments)", DefaultValueFactory = _ => 1 };
        var writers = new Option<int>("--writers") { Description = "Concurrent writers", DefaultValueFactory = _ => 4 };
        var longest = new Option<double>("--longest-round") { Description = "Seconds of writes before the kill, at most", DefaultValueFactory = _ => 5 };
        var large = new Option<int>("--large-bytes") { Description = "The largest value of a large object (characters)", DefaultValueFactory = _ => 1024 * 1024 };
        var command = new Command("durability", "Kill the sandbox at random moments under randomized writes and check every acknowledged write after each restart")
        {
            rounds, seed, writers, longest, large,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new DurabilityOptions
            {
                Rounds = result.GetValue(rounds),
                Seed = result.GetValue(seed),
                Writers = result.GetValue(writers),
                LongestRound = TimeSpan.FromSeconds(result.GetValue(longest)),
                LargeBytes = result.GetValue(large),
            };
            if (options.Rounds < 1 || options.Writers < 1 || options.LongestRound < TimeSpan.FromSeconds(0.2) || options.LargeBytes < 1)
            {
                await Console.Error.WriteLineAsync("--rounds and --writers must be at least 1, --longest-round at least 0.2 s, --large-bytes at least 1");
                return 2;
            }
            Console.WriteLine($"machine: {MachineDescription.Describe()}");
            var work = Path.Combine(Path.GetTempPath(), "kubemate-durability", Guid.NewGuid().ToString("n"));
            using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupted());
            var report = await new DurabilityWorkload(options, Console.Out).RunAsync(work, cancellation.Token);
            var ready = report.Rounds.Select(r => r.Ready.TotalSeconds).Order().ToList();
            Console.WriteLine();
            Figure.PrintTable(
            [
                new Figure("rounds killed with SIGKILL", $"{options.Rounds}"),
                new Figure("writes acknowledged", $"{report.Rounds[^1].Acknowledged}"),
                new Figure("objects checked at the end", $"{report.Rounds[^1].Checked}"),
                new Figure("writes in flight at a kill", $"{report.Rounds.Sum(r => r.InFlight)}"),
                new Figure("data directory state", $"{report.Rounds[^1].JournalBytes / 1024.0 / 1024.0:0.0} MiB"),
                new Figure("restart until ready (median / max)", $"{ready[ready.Count / 2]:0.0} s / {ready[^1]:0.0} s"),
                new Figure("acknowledged writes lost", $"{report.Losses.Count}", "0", report.Losses.Count == 0),
            ], Console.Out);
            foreach (var loss in report.Losses)
            {
                await Console.Error.WriteLineAsync(loss);
            }
            Directory.Delete(work, recursive: true);
            return report.Losses.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
