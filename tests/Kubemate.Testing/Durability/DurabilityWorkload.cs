using System.Diagnostics;
using System.Net;
using System.Text;

namespace Kubemate.Testing.Durability;

/// <summary>How the durability workload runs: everything random comes from <see cref="Seed"/>.</summary>
public sealed record DurabilityOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Rounds of writes each ended by a SIGKILL; a last restart after a clean stop follows them.</summary>
    public int Rounds { get; init; } = 3;

    public int Writers { get; init; } = 3;

    /// <summary>Each round writes for a random time up to this before the kill.</summary>
    public TimeSpan LongestRound { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>The largest value of a large object (characters; some take two or three bytes).</summary>
    public int LargeBytes { get; init; } = 512 * 1024;
}

/// <summary>What one restart found: the writes acknowledged before it and how long the sandbox took to be ready.</summary>
public sealed record DurabilityRound(int Round, int Acknowledged, int Checked, int InFlight, long JournalBytes, TimeSpan Ready);

/// <summary>Every round's figures and every acknowledged write that did not come back as it was acknowledged.</summary>
public sealed record DurabilityReport(IReadOnlyList<DurabilityRound> Rounds, IReadOnlyList<string> Losses);

/// <summary>
/// Randomized writes (creates, replaces and deletes of small, deep and large objects) against a real
/// <c>kubemate sandbox</c> process, a SIGKILL at a random moment of every round, and a restart on the same
/// <c>--data-dir</c> that must answer every acknowledged write byte for byte (and 404 for every acknowledged delete).
/// A write in flight at the kill may land or not; it is accepted either way and then known.
/// </summary>
public sealed class DurabilityWorkload(DurabilityOptions options, TextWriter? log = null)
{
    private readonly Random _random = new(options.Seed);
    private readonly DurabilityLedger _ledger = new();

    public async Task<DurabilityReport> RunAsync(string workDirectory, CancellationToken cancellationToken = default)
    {
        var dataDir = Path.Combine(workDirectory, "data");
        var rounds = new List<DurabilityRound>();
        var losses = new List<string>();
        for (var round = 0; round <= options.Rounds + 1; round++)
        {
            var started = Stopwatch.StartNew();
            var sandbox = await SandboxProcess.StartAsync(workDirectory, "--empty", "--data-dir", dataDir);
            try
            {
                var ready = started.Elapsed;
                using var http = await SandboxHttp.FromKubeconfigAsync(sandbox.Kubeconfig);
                if (round == 0)
                {
                    await DefineBlobsAsync(http, cancellationToken);
                }
                var inFlight = _ledger.InFlight;
                List<string> found;
                try
                {
                    found = await _ledger.CheckAsync(http, cancellationToken);
                }
                catch (HttpRequestException error)
                {
                    throw new InvalidOperationException(
                        $"round {round}: reading back failed ({error.Message}); the sandbox said:\n{string.Join('\n', sandbox.Output.TakeLast(40))}", error);
                }
                losses.AddRange(found.Select(loss => $"round {round}: {loss}"));
                rounds.Add(new DurabilityRound(round, _ledger.Acknowledged, _ledger.Names, inFlight, JournalBytes(dataDir), ready));
                log?.WriteLine($"round {round}: {_ledger.Acknowledged} writes acknowledged so far, {_ledger.Names} objects checked, {inFlight} in flight at the kill, {found.Count} lost; ready in {ready.TotalSeconds:0.0} s");
                if (round < options.Rounds)
                {
                    await WriteUntilKilledAsync(sandbox, cancellationToken);
                }
            }
            finally
            {
                // After the kill this only reaps the process; after the last round of writes it is the clean stop
                // (SIGTERM) that the final restart follows.
                await sandbox.DisposeAsync();
            }
        }
        return new DurabilityReport(rounds, losses);
    }

    private async Task WriteUntilKilledAsync(SandboxProcess sandbox, CancellationToken cancellationToken)
    {
        var writers = new List<Task>();
        var clients = new List<HttpClient>();
        for (var w = 0; w < options.Writers; w++)
        {
            var http = await SandboxHttp.FromKubeconfigAsync(sandbox.Kubeconfig);
            clients.Add(http);
            var writer = new DurabilityWriter(_ledger, new Random(_random.Next()), $"w{w}", options.LargeBytes);
            writers.Add(Task.Run(() => writer.RunAsync(http, cancellationToken), cancellationToken));
        }
        await Task.Delay(TimeSpan.FromMilliseconds(_random.Next(200, (int)options.LongestRound.TotalMilliseconds + 1)), cancellationToken);
        sandbox.Kill();
        await Task.WhenAll(writers);
        clients.ForEach(c => c.Dispose());
    }

    private static async Task DefineBlobsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
            new StringContent(RandomBlobs.Definition, Encoding.UTF8, "application/json"), cancellationToken);
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"the Blob CRD was refused: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(cancellationToken)}");
        }
        await Eventually.Until(async () =>
        {
            using var list = await http.GetAsync(RandomBlobs.Collection, cancellationToken);
            return list.StatusCode;
        }, status => status == HttpStatusCode.OK, what: "the Blob CRD served");
    }

    private static long JournalBytes(string dataDir)
    {
        var state = Path.Combine(dataDir, "state");
        return Directory.Exists(state) ? Directory.EnumerateFiles(state).Sum(f => new FileInfo(f).Length) : 0;
    }
}
