using System.CommandLine;
using System.Text.Json.Nodes;
using Kubemate.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate serve</c>: the Kubemate host. Until a kubeconfig or in-cluster config is given it runs on the
/// embedded sandbox, started in-process on a free loopback port and reached over HTTP like any cluster.
/// </summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var listen = new Option<string>("--listen") { Description = "Address and port of the Kubemate web host", DefaultValueFactory = _ => "127.0.0.1:8080" };
        var kubeconfig = new Option<FileInfo?>("--write-kubeconfig") { Description = "Write the embedded sandbox's kubeconfig to this file (for kubectl)" };
        var dataDir = new Option<DirectoryInfo?>("--data-dir") { Description = "Persist the embedded sandbox's state in this directory" };
        var empty = new Option<bool>("--empty") { Description = "Start the embedded sandbox without the demo estate" };
        var command = new Command("serve", "Run the Kubemate host (REST API and console) on the embedded sandbox") { listen, kubeconfig, dataDir, empty };
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = new SandboxOptions { DataDirectory = result.GetValue(dataDir)?.FullName };
            await using var sandbox = await SandboxLauncher.StartAsync(options, result.GetValue(empty), cancellationToken);
            var kubeconfigPath = result.GetValue(kubeconfig)?.FullName;
            if (kubeconfigPath is not null)
            {
                sandbox.WriteKubeconfig(kubeconfigPath);
            }
            var (address, port) = SandboxCommand.ParseListen(result.GetValue(listen)!);
            await using var host = BuildHost(address, port, sandbox, kubeconfigPath);
            await host.StartAsync(cancellationToken);
            var bound = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Console.Out.WriteLine($"ready {bound} (sandbox cluster at {sandbox.Url}, kubeconfig: {kubeconfigPath ?? "not written"})");
            Console.Out.Flush();
            try
            {
                // SIGTERM/SIGINT reach the hosts' console lifetimes as well as this command: stop on whichever fires.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sandbox.Stopping, host.Lifetime.ApplicationStopping);
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await host.StopAsync(CancellationToken.None);
            return 0;
        });
        return command;
    }

    private static WebApplication BuildHost(string address, int port, SandboxServer sandbox, string? kubeconfigPath)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://{address}:{port}");
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/api/v1/cluster", () => Results.Content(new JsonObject
        {
            ["mode"] = "sandbox",
            ["server"] = sandbox.Url.ToString(),
            ["kubeconfig"] = kubeconfigPath,
        }.ToJsonString(), "application/json"));
        return app;
    }
}
