using System.CommandLine;
using System.Runtime.InteropServices;
using Kubemate.Sandbox.Scale;

// Ctrl+C and SIGTERM cancel the run so the sandboxes it started are stopped, not orphaned.
using var interrupted = new CancellationTokenSource();
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Interrupt);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Interrupt);

var pods = new Option<int>("--pods") { Description = "Bare pods to create", DefaultValueFactory = _ => 10_000 };
var namespaces = new Option<int>("--namespaces") { Description = "Namespaces to spread them over", DefaultValueFactory = _ => 50 };
var watchers = new Option<int>("--watchers") { Description = "Concurrent watches on pods in all namespaces", DefaultValueFactory = _ => 100 };
var events = new Option<int>("--events") { Description = "Pod patches to deliver to every watcher", DefaultValueFactory = _ => 500 };
var rate = new Option<int>("--rate") { Description = "Patches per second during the watch phase", DefaultValueFactory = _ => 50 };
var parallelism = new Option<int>("--parallelism") { Description = "Create requests in flight while loading pods", DefaultValueFactory = _ => 16 };
var kubectlRuns = new Option<int>("--kubectl-runs") { Description = "Timed runs of kubectl get pods -A", DefaultValueFactory = _ => 10 };
var unbound = new Option<bool>("--unbound") { Description = "Leave pods unbound: the sandbox's simulated scheduler places them" };
var settleTimeout = new Option<int>("--settle-timeout") { Description = "Seconds to wait for the loaded sandbox to settle before measuring anyway", DefaultValueFactory = _ => 600 };
var kubectl = new Option<string>("--kubectl") { Description = "The kubectl binary", DefaultValueFactory = _ => "/usr/bin/kubectl" };

var root = new RootCommand("Scale figures of the Kubemate sandbox: kubectl list time, watch delivery latency, memory.")
{
    pods, namespaces, watchers, events, rate, parallelism, kubectlRuns, unbound, settleTimeout, kubectl,
};
root.Subcommands.Add(DurabilityCommand.Create(() => interrupted.Token));
root.SetAction(async (result, cancellationToken) =>
{
    var options = new ScaleOptions
    {
        Pods = result.GetValue(pods),
        Namespaces = result.GetValue(namespaces),
        Watchers = result.GetValue(watchers),
        Events = result.GetValue(events),
        WriteRate = result.GetValue(rate),
        LoadParallelism = result.GetValue(parallelism),
        KubectlRuns = result.GetValue(kubectlRuns),
        Unbound = result.GetValue(unbound),
        SettleDeadline = TimeSpan.FromSeconds(result.GetValue(settleTimeout)),
        Kubectl = result.GetValue(kubectl)!,
    };
    try
    {
        options.Validate();
    }
    catch (ArgumentException ex)
    {
        await Console.Error.WriteLineAsync(ex.Message);
        return 2;
    }
    Console.WriteLine($"machine: {MachineDescription.Describe()}");
    Console.WriteLine($"command: dotnet run -c Release --project bench/Kubemate.Sandbox.Scale -- {string.Join(' ', args)}".TrimEnd());
    using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interrupted.Token);
    try
    {
        var figures = await new ScaleRun(options, Console.Out).RunAsync(cancellation.Token);
        Console.WriteLine();
        Figure.PrintTable(figures, Console.Out);
        return 0;
    }
    catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
    {
        await Console.Error.WriteLineAsync("interrupted: the sandboxes this run started are stopped");
        return 130;
    }
});
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

void Interrupt(PosixSignalContext context)
{
    context.Cancel = true;
    interrupted.Cancel();
}
