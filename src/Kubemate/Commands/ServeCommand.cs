using Kubemate.Application.Canary.Controller;
using System.CommandLine;
using System.CommandLine.Parsing;
using Kubemate.Audit.Trust;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.WebConsole;
using Kubemate.Host;
using Kubemate.Host.Audit;
using Kubemate.Host.Auth;
using Kubemate.Host.Identity;
using Kubemate.Host.Listening;
using Kubemate.CommandLine;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Simulation;
using Kubemate.Application.Meshes;
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
    private sealed record ServeFlags(
        Option<ListenAddress?> Listen, Option<FileInfo?> WriteKubeconfig, Option<DirectoryInfo?> DataDir, Option<bool> Empty,
        Option<FileInfo?> Kubeconfig, Option<string?> Context, Option<bool> InCluster, Option<string?> Audit, Option<FileInfo?> TokenFile,
        Option<Uri?> Prometheus, Option<string?> Mesh, Option<Uri?> OidcIssuer, Option<string?> OidcClientId, Option<string?> OidcClientSecret,
        Option<string?> OidcUsernameClaim, Option<string?> OidcGroupsClaim, Option<double?> DegradedAbove, Option<double?> FailingAt,
        Option<FileInfo?> TlsCert, Option<FileInfo?> TlsKey, Option<System.Net.IPNetwork[]> TrustedProxy, Option<bool> InsecureListen, Option<Uri?> PublicUrl,
        AuditTrustFlags AuditTrust, Option<bool> NoCanaryController, Option<string?> ControllerNamespace);

    private const double DefaultDegradedAbove = 0;
    private const double DefaultFailingAt = 10;

    public static Command Create()
    {
        var flags = new ServeFlags(
            Flags.Parsed<ListenAddress>("--listen", "Address and port of the Kubemate web host (default: 127.0.0.1:8080)", [], ListenAddress.Parse),
            Flags.File("--write-kubeconfig", "Write the embedded sandbox's kubeconfig to this file (for kubectl)"),
            Flags.Directory("--data-dir", "Keep the embedded sandbox's state and the audit database in this directory"),
            Flags.Switch("--empty", "Start the embedded sandbox without the demo estate"),
            Flags.File("--kubeconfig", "Drive the cluster of this kubeconfig (default: KUBECONFIG, then ~/.kube/config) instead of the sandbox"),
            Flags.Text("--context", "The kubeconfig context to use (default: its current context)"),
            Flags.Switch("--in-cluster", "Drive the cluster Kubemate runs in, with its pod's service account"),
            Flags.Text("--audit", "Audit store: a PostgreSQL connection string (Host=...) or a SQLite file (default: audit.db under --data-dir or ~/.kubemate)"),
            Flags.File("--token-file", "Users who sign in with a token, in Kubernetes' static token file format: token,user,uid,\"group1,group2\""),
            Flags.Url("--prometheus", "Prometheus or Thanos Query URL for mesh telemetry (default: the embedded store)"),
            Flags.Choice("--mesh", "Mesh provider: linkerd (default) or istio; the sandbox's estate runs this mesh", ["linkerd", "istio"]),
            Flags.Url("--oidc-issuer", "OpenID Connect issuer URL for sign-in on a real cluster"),
            Flags.Text("--oidc-client-id", "OpenID Connect client id (required with --oidc-issuer)"),
            Flags.Text("--oidc-client-secret", "OpenID Connect client secret (or env KUBEMATE_OIDC_CLIENT_SECRET)"),
            Flags.Text("--oidc-username-claim", "ID-token claim used as the Kubernetes user name (default: email)"),
            Flags.Text("--oidc-groups-claim", "ID-token claim listing the user's groups (default: groups)"),
            Percentage("--degraded-above", $"Health: a workload or edge is degraded when more than this percentage of its responses fail (default: {DefaultDegradedAbove})"),
            Percentage("--failing-at", $"Health: a workload or edge is failing when at least this percentage of its responses fail (default: {DefaultFailingAt})"),
            Flags.File("--tls-cert", "Serve https with this PEM certificate (and chain); read again when it changes"),
            Flags.File("--tls-key", "The PEM private key of --tls-cert"),
            Flags.Entries<System.Net.IPNetwork>("--trusted-proxy", "Believe X-Forwarded-For/-Proto from this address or CIDR range (repeatable)", TrustedProxies.Parse),
            Flags.Switch("--insecure-listen", "Allow plain http on a non-loopback --listen address (behind a TLS-terminating proxy only)"),
            Flags.Url("--public-url", "The https URL users reach Kubemate at (behind a proxy, the proxy's); the OpenID Connect callback is built from it (default: the --listen address)"),
            new AuditTrustFlags("secret on a cluster, file on the embedded sandbox"),
            Flags.Switch("--no-canary-controller", "Do not run canary releases from this replica (another replica or none runs them)"),
            Flags.Text("--controller-namespace", "Namespace of the canary controller's leader-election Lease (default: kube-system)"));
        var command = new Command("serve", "Run the Kubemate host (REST API and console) on a cluster, or on the embedded sandbox")
        {
            flags.Listen, flags.WriteKubeconfig, flags.DataDir, flags.Empty, flags.Kubeconfig, flags.Context, flags.InCluster, flags.Audit,
            flags.TokenFile, flags.Prometheus, flags.Mesh, flags.OidcIssuer, flags.OidcClientId, flags.OidcClientSecret, flags.OidcUsernameClaim,
            flags.OidcGroupsClaim, flags.DegradedAbove, flags.FailingAt, flags.TlsCert, flags.TlsKey, flags.TrustedProxy, flags.InsecureListen,
            flags.PublicUrl, flags.AuditTrust.Trust, flags.AuditTrust.Namespace, flags.NoCanaryController, flags.ControllerNamespace,
        };
        command.Validators.Add(result => Validate(result, flags));
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await RunAsync(result, flags, cancellationToken);
            }
            catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException or AuditTrustUnavailableException)
            {
                await Console.Error.WriteLineAsync($"kubemate serve: {error.Message}");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The rules that tie flags together; each broken one is a parse error on the flag it names.</summary>
    private static void Validate(CommandResult result, ServeFlags flags)
    {
        var degraded = result.ValueOrDefault(flags.DegradedAbove) ?? DefaultDegradedAbove;
        var failing = result.ValueOrDefault(flags.FailingAt) ?? DefaultFailingAt;
        if (degraded >= failing)
        {
            (result.GetResult(flags.DegradedAbove) is { Implicit: false } given ? (SymbolResult)given : result)
                .AddError($"--degraded-above: {degraded:0.##} must be below --failing-at ({failing:0.##})");
        }
        if (result.GetResult(flags.OidcIssuer) is { Implicit: false } && result.GetResult(flags.OidcClientId) is null)
        {
            result.AddError("--oidc-client-id: is required with --oidc-issuer");
        }
        if ((result.GetResult(flags.TlsCert) is null) != (result.GetResult(flags.TlsKey) is null))
        {
            result.AddError(result.GetResult(flags.TlsCert) is null ? "--tls-cert: is required with --tls-key" : "--tls-key: is required with --tls-cert");
        }
        if (result.ValueOrDefault(flags.PublicUrl) is { } publicUrl && PublicUrlProblem(publicUrl) is { } problem)
        {
            result.AddError($"--public-url: {problem}");
        }
        var listen = result.ValueOrDefault(flags.Listen);
        if (listen is not null && !ListenScope.IsLoopback(listen.Address) && result.GetResult(flags.TlsCert) is null && !result.GetValue(flags.InsecureListen))
        {
            result.AddError($"--listen: {listen.Address} is not a loopback address: give --tls-cert and --tls-key, or --insecure-listen behind a TLS proxy");
        }
        var inCluster = result.GetValue(flags.InCluster);
        if (inCluster && (result.GetResult(flags.Kubeconfig) is not null || result.GetResult(flags.Context) is not null))
        {
            result.AddError("--in-cluster: cannot be combined with --kubeconfig or --context");
        }
        var onCluster = inCluster || result.GetResult(flags.Kubeconfig) is not null || result.GetResult(flags.Context) is not null;
        if (result.ValueOrDefault(flags.AuditTrust.Trust) == AuditTrustFlags.Secret && !onCluster)
        {
            result.AddError("--audit-trust: secret needs a real cluster (--kubeconfig, --context or --in-cluster); the embedded sandbox keeps the audit key and anchors in files");
        }
        else if (result.GetResult(flags.AuditTrust.Namespace) is not null && !KeepsTrustInCluster(result.ValueOrDefault(flags.AuditTrust.Trust), onCluster))
        {
            result.AddError("--audit-trust-namespace: applies to --audit-trust secret only");
        }
        if (onCluster && result.GetResult(flags.TokenFile) is null && result.GetResult(flags.OidcIssuer) is null)
        {
            result.AddError("--token-file: --token-file or --oidc-issuer is required on a real cluster: users must be able to sign in");
        }
    }

    private static Option<double?> Percentage(string name, string description) =>
        Flags.Parsed<double?>(name, description, [], text => FlagValues.Number(text, double.MinValue, double.MaxValue) switch
        {
            (null, var problem) => (null, problem),
            ({ } value, _) when value is < 0 or > 100 => (null, $"{text} is not a percentage from 0 to 100"),
            (var value, _) => (value, null),
        });

    private static async Task<int> RunAsync(ParseResult result, ServeFlags flags, CancellationToken cancellationToken)
    {
        var (address, port) = result.GetValue(flags.Listen) ?? new ListenAddress("127.0.0.1", 8080);
        var dataDir = result.GetValue(flags.DataDir)?.FullName;
        var oidc = ReadOidc(result, flags);
        var health = new HealthThresholds((result.GetValue(flags.DegradedAbove) ?? DefaultDegradedAbove) / 100, (result.GetValue(flags.FailingAt) ?? DefaultFailingAt) / 100);
        var onCluster = result.GetValue(flags.InCluster) || result.GetValue(flags.Kubeconfig) is not null || result.GetValue(flags.Context) is not null;
        SandboxServer? sandbox = null;
        ClusterApi? trustApi = null;
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
                var estateMesh = DemoMeshes.Parse(MeshCatalog.Shipped.Create(result.GetValue(flags.Mesh) ?? MeshCatalog.DefaultProvider).Family);
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
                Tls = result.GetValue(flags.TlsCert) is { } cert ? new TlsFiles(cert.FullName, result.GetValue(flags.TlsKey)!.FullName) : null,
                InsecureListen = result.GetValue(flags.InsecureListen),
                TrustedProxies = result.GetValue(flags.TrustedProxy) ?? [],
                MeshProvider = result.GetValue(flags.Mesh) ?? MeshCatalog.DefaultProvider,
                Audit = AuditStoreLocation.Parse(result.GetValue(flags.Audit), dataDir) with
                {
                    Trust = KeepsTrustInCluster(result.GetValue(flags.AuditTrust.Trust), onCluster)
                        ? new KubernetesAuditTrust(trustApi = options.Cluster.CreateApi(), result.GetValue(flags.AuditTrust.Namespace) ?? KubernetesAuditTrust.DefaultNamespace)
                        : null,
                },
                PrometheusUrl = result.GetValue(flags.Prometheus),
                Health = health,
                CanaryController = result.GetValue(flags.NoCanaryController) ? null
                    : new CanaryControllerOptions { LeaseNamespace = result.GetValue(flags.ControllerNamespace) ?? "kube-system" },
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
            trustApi?.Dispose();
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }
        }
    }

    /// <summary>On a real cluster the audit key and anchors live in its Secret and ConfigMap unless <c>--audit-trust file</c>; the sandbox keeps files.</summary>
    private static bool KeepsTrustInCluster(string? trust, bool onCluster) => (trust ?? (onCluster ? AuditTrustFlags.Secret : AuditTrustFlags.File)) == AuditTrustFlags.Secret;

    private static KubemateHostOptions ForSandbox(SandboxServer sandbox, string? kubeconfigPath, OidcSignInOptions? oidc) => new()
    {
        Cluster = ClusterConnection.ForEndpoint(sandbox.Url, sandbox.Certificates.Authority, sandbox.Admin.Token),
        ClusterName = "sandbox",
        ClusterMode = "sandbox",
        // Whether, not where: the answer of GET /api/v1/cluster is anonymous (the ready line says where).
        ClusterInfo = new Dictionary<string, string?> { ["kubeconfigWritten"] = kubeconfigPath is null ? "false" : "true" },
        // The sandbox admin is Kubemate's own identity, not a user who signs in.
        Users = sandbox.Users.Where(u => u.Name != UserStore.AdminName).Select(u => new DirectoryUser(u.Name, u.Groups, u.Token, u.Password)).ToList(),
        UsersSource = "sandbox",
        Oidc = oidc,
    };

    private static async Task<(KubemateHostOptions Options, string Where)> ForClusterAsync(ParseResult result, ServeFlags flags, OidcSignInOptions? oidc,
        CancellationToken cancellationToken)
    {
        ClusterConnection connection;
        string name;
        string mode;
        if (result.GetValue(flags.InCluster))
        {
            connection = ClusterConnection.InCluster();
            (name, mode) = ("in-cluster", "in-cluster");
        }
        else
        {
            connection = await ClusterConnection.FromKubeconfigAsync(result.GetValue(flags.Kubeconfig)?.FullName, result.GetValue(flags.Context));
            (name, mode) = (connection.ContextName ?? result.GetValue(flags.Context) ?? "kubeconfig", "kubeconfig");
        }
        var tokenFile = result.GetValue(flags.TokenFile);
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

    private static OidcSignInOptions? ReadOidc(ParseResult result, ServeFlags flags)
    {
        if (result.GetValue(flags.OidcIssuer) is not { } issuer)
        {
            return null;
        }
        var clientId = result.GetValue(flags.OidcClientId)!;
        return new OidcSignInOptions(issuer.OriginalString, clientId, result.GetValue(flags.OidcClientSecret) ?? Environment.GetEnvironmentVariable("KUBEMATE_OIDC_CLIENT_SECRET"))
        {
            UsernameClaim = result.GetValue(flags.OidcUsernameClaim) ?? "email",
            GroupsClaim = result.GetValue(flags.OidcGroupsClaim) ?? "groups",
            PublicUrl = result.GetValue(flags.PublicUrl),
        };
    }

    // Kubemate is served at the root of its address, and a sign-in callback over plain http would carry the code in clear.
    private static string? PublicUrlProblem(Uri url) =>
        url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 ? $"{url} must be the root of an address (no path, query or fragment)"
        : url.Scheme != Uri.UriSchemeHttps && !url.IsLoopback ? $"{url} must be https (plain http only on loopback)"
        : null;
}
