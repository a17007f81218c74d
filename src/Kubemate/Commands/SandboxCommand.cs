using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Persistence;
using Kubemate.Sandbox.Simulation;

namespace Kubemate.Commands;

/// <summary><c>kubemate sandbox</c>: runs the embedded Kubernetes-compatible API server in the foreground.</summary>
public static class SandboxCommand
{
    public static Command Create()
    {
        var listen = Flags.Parsed<ListenAddress>("--listen", "Loopback address and port to listen on (default: 127.0.0.1:0; port 0 picks a free one)", [], ListenAddress.Parse);
        var kubeconfig = Flags.File("--write-kubeconfig", "Write a kubeconfig for kubectl and the C# client to this file");
        var empty = Flags.Switch("--empty", "Start without the demo estate (only the system namespaces and default RBAC)");
        var dataDir = Flags.Directory("--data-dir", "Persist the cluster state in this directory (crash-safe); in memory when omitted");
        var command = new Command("sandbox", "Run the embedded Kubernetes-compatible sandbox API server in the foreground")
        {
            listen, kubeconfig, empty, dataDir,
        };
        command.Subcommands.Add(SandboxFaultCommand.Create());
        command.Subcommands.Add(SandboxCanaryDemoCommand.Create());
        command.SetAction(async (result, cancellationToken) =>
        {
            var (address, port) = result.GetValue(listen) ?? new ListenAddress("127.0.0.1", 0);
            var options = new SandboxOptions { ListenAddress = address, Port = port, DataDirectory = result.GetValue(dataDir)?.FullName };
            SandboxServer server;
            try
            {
                server = await SandboxLauncher.StartAsync(options, result.GetValue(empty), cancellationToken);
            }
            catch (SandboxStateException error)
            {
                await Console.Error.WriteLineAsync($"kubemate sandbox: {error.Message}");
                return 1;
            }
            await using var running = server;
            if (result.GetValue(kubeconfig) is { } file)
            {
                server.WriteKubeconfig(file.FullName);
            }
            Console.Out.WriteLine($"ready {server.Url} (kubeconfig: {result.GetValue(kubeconfig)?.FullName ?? "not written"})");
            Console.Out.Flush();
            try
            {
                // SIGTERM/SIGINT reach the hosts' console lifetimes as well as this command: stop on whichever fires.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, server.Stopping);
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            return 0;
        });
        return command;
    }
}
