using System.CommandLine;
using Kubemate.Cluster.Connection;
using Kubemate.WebConsole;
using Kubemate.Host;
using Kubemate.Host.Audit;
using Kubemate.Host.Auth;
using Kubemate.Host.Identity;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Simulation;
using Kubemate.Modeling;
using Kubemate.Telemetry.Topology;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate serve</c>: the Kubemate host. Without <c>--kubeconfig</c>/<c>--context</c>/<c>--in-cluster</c> it runs on
/// the embedded sandbox, started in-process on a free loopback port and reached over HTTP like any cluster; the
/// sandbox's demo users become the host's users and its admin token is Kubemate's own identity.
/// </summary>
public static class ServeCommand
{
    private sealed record Flags(
        Option<string> Listen, Option<FileInfo?> WriteKubeconfig, Option<DirectoryInfo?> DataDir, Option<bool> Empty,
        Option<string?> Kubeconfig, Option<string?> Context, Option<bool> InCluster, Option<string?> Audit, Option<FileInfo?> TokenFile,
        Option<string?> Prometheus, Option<string> Mesh, Option<string?> OidcIssuer, Option<string?> OidcClientId, Option<string?> OidcClientSecret,
        Option<string> OidcUsernameClaim, Option<string> OidcGroupsClaim, Option<double> DegradedAbove, Option<double> FailingAt);

    public static Command Create()
    {
        var flags = new Flags(
            new Option<string>("--listen") { Description = "Address and port of the Kubemate web host", DefaultValueFactory = _ => "127.0.0.1:8080" },
            new Option<FileInfo?>("--write-kubeconfig") { Description = "Write the embedded sandbox's kubeconfig to this file (for kubectl)" },
            new Option<DirectoryInfo?>("--data-dir") { Description = "Keep the embedded sandbox's state and the audit database in this directory" },
            new Option<bool>("--empty") { Description = "Start the embedded sandbox without the demo estate" },
            new Option<string?>("--kubeconfig") { Description = "Drive the cluster of this kubeconfig (default: KUBECONFIG, then ~/.kube/config) instead of the sandbox" },
            new Option<string?>("--context") { Description = "The kubeconfig context to use (default: its current context)" },
            new Option<bool>("--in-cluster") { Description = "Drive the cluster Kubemate runs in, with its pod's service account" },
            new Option<string?>("--audit") { Description = "Audit store: a PostgreSQL connection string (Host=...) or a SQLite file (default: audit.db under --data-dir or ~/.kubemate)" },
            new Option<FileInfo?>("--token-file") { Description = "Users who sign in with a token, in Kubernetes' static token file format: token,user,uid,\"group1,group2\"" },
            new Option<string?>("--prometheus") { Description = "Prometheus or Thanos Query URL for mesh telemetry (default: the embedded store)" },
            new Option<string>("--mesh") { Description = $"Mesh provider: {MeshProviders.Known} (the sandbox's estate runs this mesh)", DefaultValueFactory = _ => MeshProviders.Default },
            new Option<string?>("--oidc-issuer") { Description = "OpenID Connect issuer URL for sign-in on a real cluster" },
            new Option<string?>("--oidc-client-id") { Description = "OpenID Connect client id" },
            new Option<string?>("--oidc-client-secret") { Description = "OpenID Connect client secret (or env KUBEMATE_OIDC_CLIENT_SECRET)" },
            new Option<string>("--oidc-username-claim") { Description = "ID-token claim used as the Kubernetes user name", DefaultValueFactory = _ => "email" },
            new Option<string>("--oidc-groups-claim") { Description = "ID-token claim listing the user's groups", DefaultValueFactory = _ => "groups" },
            new Option<double>("--degraded-above") { Description = "Health: a workload or edge is degraded when more than this percentage of its responses fail", DefaultValueFactory = _ => 0 },
            new Option<double>("--failing-at") { Description = "Health: a workload or edge is failing when at least this percentage of its responses fail", DefaultValueFactory = _ => 10 });
        var command = new Command("serve", "Run the Kubemate host (REST API and console) on a cluster, or on the embedded sandbox")
        {
            flags.Listen, flags.WriteKubeconfig, flags.DataDir, flags.Empty, flags.Kubeconfig, flags.Context, flags.InCluster, flags.Audit,
            flags.TokenFile, flags.Prometheus, flags.Mesh, flags.OidcIssuer, flags.OidcClientId, flags.OidcClientSecret, flags.OidcUsernameClaim,
            flags.OidcGroupsClaim, flags.DegradedAbove, flags.FailingAt,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await RunAsync(result, flags, cancellationToken);
            }
            catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync($"kubemate serve: {error.Message}");
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, Flags flags, CancellationToken cancellationToken)
    {
        var (address, port) = SandboxCommand.ParseListen(result.GetValue(flags.Listen)!);
        var dataDir = result.GetValue(flags.DataDir)?.FullName;
        var oidc = ReadOidc(result, flags);
        var health = ReadHealth(result, flags);
        var onCluster = result.GetValue(flags.InCluster) || result.GetValue(flags.Kubeconfig) is not null || result.GetValue(flags.Context) is not null;
        SandboxServer? sandbox = null;
        try
        {
            KubemateHostOptions options;
            string where;
            if (onCluster)
            {
                (options, where) = await ForClusterAsync(result, flags, oidc, cancellationToken);
            }
            else
            {
                // The sandbox's estate runs the mesh --mesh names, so that the console has that mesh to show.
                var estateMesh = DemoMeshes.Parse(MeshProviders.Create(result.GetValue(flags.Mesh)!).Family);
                sandbox = await SandboxLauncher.StartAsync(new SandboxOptions { DataDirectory = dataDir }, result.GetValue(flags.Empty), cancellationToken, estateMesh);
                var kubeconfigPath = result.GetValue(flags.WriteKubeconfig)?.FullName;
                if (kubeconfigPath is not null)
                {
                    sandbox.WriteKubeconfig(kubeconfigPath);
                }
                options = ForSandbox(sandbox, kubeconfigPath, oidc);
                where = $"sandbox cluster at {sandbox.Url}, kubeconfig: {kubeconfigPath ?? "not written"}";
            }
            var console = new ConsoleOptions { ClusterName = options.ClusterName, ClusterMode = options.ClusterMode };
            options = options with
            {
                ListenAddress = address,
                Port = port,
                MeshProvider = result.GetValue(flags.Mesh)!,
                Audit = AuditStoreLocation.Parse(result.GetValue(flags.Audit), dataDir),
                PrometheusUrl = ReadUrl(result.GetValue(flags.Prometheus), "--prometheus"),
                Health = health,
                ConfigureServices = services => services.AddKubemateConsole(console),
                ConfigureApp = app => app.MapKubemateConsole(),
            };
            await using var host = KubemateHost.Build(options);
            await host.StartAsync(cancellationToken);
            var bound = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            Console.Out.WriteLine($"ready {bound} ({where})");
            Console.Out.Flush();
            try
            {
                // SIGTERM/SIGINT reach the hosts' console lifetimes as well as this command: stop on whichever fires.
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sandbox?.Stopping ?? CancellationToken.None, host.Lifetime.ApplicationStopping);
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
            await host.StopAsync(CancellationToken.None);
            return 0;
        }
        finally
        {
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }
        }
    }

    private static KubemateHostOptions ForSandbox(SandboxServer sandbox, string? kubeconfigPath, OidcSignInOptions? oidc) => new()
    {
        Cluster = ClusterConnection.ForEndpoint(sandbox.Url, sandbox.Certificates.Authority, sandbox.Admin.Token),
        ClusterName = "sandbox",
        ClusterMode = "sandbox",
        ClusterInfo = new Dictionary<string, string?> { ["kubeconfig"] = kubeconfigPath },
        // The sandbox admin is Kubemate's own identity, not a user who signs in.
        Users = sandbox.Users.Where(u => u.Name != UserStore.AdminName).Select(u => new DirectoryUser(u.Name, u.Groups, u.Token, u.Password)).ToList(),
        UsersSource = "sandbox",
        Oidc = oidc,
    };

    private static async Task<(KubemateHostOptions Options, string Where)> ForClusterAsync(ParseResult result, Flags flags, OidcSignInOptions? oidc,
        CancellationToken cancellationToken)
    {
        ClusterConnection connection;
        string name;
        string mode;
        if (result.GetValue(flags.InCluster))
        {
            if (result.GetValue(flags.Kubeconfig) is not null || result.GetValue(flags.Context) is not null)
            {
                throw new ArgumentException("--in-cluster: cannot be combined with --kubeconfig or --context");
            }
            connection = ClusterConnection.InCluster();
            (name, mode) = ("in-cluster", "in-cluster");
        }
        else
        {
            connection = await ClusterConnection.FromKubeconfigAsync(result.GetValue(flags.Kubeconfig), result.GetValue(flags.Context));
            (name, mode) = (connection.Configuration.CurrentContext ?? result.GetValue(flags.Context) ?? "kubeconfig", "kubeconfig");
        }
        var tokenFile = result.GetValue(flags.TokenFile);
        if (tokenFile is null && oidc is null)
        {
            throw new ArgumentException("--token-file or --oidc-issuer is required on a real cluster: users must be able to sign in");
        }
        var users = tokenFile is null ? [] : await StaticTokenFile.ReadAsync(tokenFile.FullName, cancellationToken);
        return (new KubemateHostOptions
        {
            Cluster = connection,
            ClusterName = name,
            ClusterMode = mode,
            Users = users,
            UsersSource = "token-file",
            Oidc = oidc,
        }, $"cluster {connection.Description}");
    }

    private static OidcSignInOptions? ReadOidc(ParseResult result, Flags flags)
    {
        var issuer = result.GetValue(flags.OidcIssuer);
        if (issuer is null)
        {
            return null;
        }
        ReadUrl(issuer, "--oidc-issuer");
        var clientId = result.GetValue(flags.OidcClientId)
            ?? throw new ArgumentException("--oidc-client-id: required with --oidc-issuer");
        return new OidcSignInOptions(issuer, clientId, result.GetValue(flags.OidcClientSecret) ?? Environment.GetEnvironmentVariable("KUBEMATE_OIDC_CLIENT_SECRET"))
        {
            UsernameClaim = result.GetValue(flags.OidcUsernameClaim)!,
            GroupsClaim = result.GetValue(flags.OidcGroupsClaim)!,
        };
    }

    private static HealthThresholds ReadHealth(ParseResult result, Flags flags)
    {
        var degraded = Percentage(result.GetValue(flags.DegradedAbove), "--degraded-above");
        var failing = Percentage(result.GetValue(flags.FailingAt), "--failing-at");
        if (degraded >= failing)
        {
            throw new ArgumentException($"--degraded-above: {degraded * 100:0.##} must be below --failing-at ({failing * 100:0.##})");
        }
        return new HealthThresholds(degraded, failing);
    }

    private static double Percentage(double value, string flag) =>
        value is >= 0 and <= 100 ? value / 100 : throw new ArgumentException($"{flag}: {value} is not a percentage from 0 to 100");

    private static Uri? ReadUrl(string? value, string flag)
    {
        if (value is null)
        {
            return null;
        }
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"{flag}: \"{value}\" is not an absolute http(s) URL");
        }
        return url;
    }
}
