namespace Kubemate.Sandbox.Scale;

/// <summary>What the harness loads and measures. Every count and deadline is bounded so a run always ends.</summary>
public sealed record ScaleOptions
{
    public int Pods { get; init; } = 10_000;
    public int Namespaces { get; init; } = 50;
    public int Watchers { get; init; } = 100;
    public int Events { get; init; } = 500;

    /// <summary>Writes per second during the watch phase.</summary>
    public int WriteRate { get; init; } = 50;

    /// <summary>Concurrent create requests while loading pods.</summary>
    public int LoadParallelism { get; init; } = 16;

    public int KubectlRuns { get; init; } = 10;

    /// <summary>Leave the pods unbound so the sandbox's simulated scheduler places them (slow at scale: see docs/sandbox-figures.md).</summary>
    public bool Unbound { get; init; }

    /// <summary>How long to wait for the loaded sandbox to settle before measuring anyway (and saying so).</summary>
    public TimeSpan SettleDeadline { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the store must see no write before a sandbox counts as idle.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Upper bound for any wait (settling, watch delivery, a kubectl run).</summary>
    public TimeSpan PhaseDeadline { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The kubectl binary to time.</summary>
    public string Kubectl { get; init; } = "/usr/bin/kubectl";

    /// <exception cref="ArgumentException">a value is out of range; the message names the option.</exception>
    public void Validate()
    {
        Require(Pods is >= 1 and <= 100_000, "--pods", Pods, "between 1 and 100000");
        Require(Namespaces is >= 1 and <= 1_000, "--namespaces", Namespaces, "between 1 and 1000");
        Require(Namespaces <= Pods, "--namespaces", Namespaces, $"at most --pods ({Pods})");
        Require(Watchers is >= 1 and <= 1_000, "--watchers", Watchers, "between 1 and 1000");
        Require(Events is >= 1 and <= 100_000, "--events", Events, "between 1 and 100000");
        Require(WriteRate is >= 1 and <= 10_000, "--rate", WriteRate, "between 1 and 10000 writes per second");
        Require(LoadParallelism is >= 1 and <= 256, "--parallelism", LoadParallelism, "between 1 and 256");
        Require(KubectlRuns is >= 1 and <= 100, "--kubectl-runs", KubectlRuns, "between 1 and 100");
        Require(SettleDeadline >= TimeSpan.FromSeconds(1) && SettleDeadline <= TimeSpan.FromHours(2), "--settle-timeout", (int)SettleDeadline.TotalSeconds, "between 1 and 7200 seconds");
    }

    private static void Require(bool condition, string option, int value, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"{option}: must be {rule} (was {value})");
        }
    }
}
