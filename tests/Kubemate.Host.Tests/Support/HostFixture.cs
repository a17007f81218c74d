using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;
using Kubemate.Host.Audit;
using Kubemate.Host.Identity;
using Kubemate.Host.Limits;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubemate.Host.Tests.Support;

/// <summary>
/// The sandbox with its demo estate and a Kubemate host in front of it on 127.0.0.1:0, configured as
/// <c>kubemate serve</c> does; tests talk to the host over HTTP only, like a client.
/// </summary>
public sealed class HostFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"kubemate-host-tests-{Guid.NewGuid():n}");

    public SandboxServer Sandbox { get; private set; } = null!;

    public ClusterConnection Cluster { get; private set; } = null!;

    public RunningHost Host { get; private set; } = null!;

    public Uri Url => Host.Url;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        Sandbox = await SandboxSimulation.StartAsync(new SandboxOptions(), new SimulationOptions { SeedDemoEstate = true });
        Cluster = ClusterConnection.ForEndpoint(Sandbox.Url, Sandbox.Certificates.Authority, Sandbox.Admin.Token);
        // The suite's own calls are not the traffic the per-user limits are for; the limit tests start hosts of their own.
        Host = await RunningHost.StartAsync(Options(new AuditStoreLocation(null, Path.Combine(_directory, "audit.db"))) with
        {
            Limits = new RequestLimits { MutationBurst = 100_000, SignInFailuresPerAddress = 10_000, SignInFailuresPerUser = 10_000 },
        });
    }

    /// <summary>The options <c>kubemate serve</c> would give for this sandbox, with the given audit store.</summary>
    public KubemateHostOptions Options(AuditStoreLocation audit) => new()
    {
        ListenAddress = "127.0.0.1",
        Port = 0,
        Cluster = Cluster,
        ClusterName = "sandbox",
        Users = Sandbox.Users.Where(u => u.Name != UserStore.AdminName).Select(u => new DirectoryUser(u.Name, u.Groups, u.Token, u.Password)).ToList(),
        Audit = audit,
    };

    /// <summary>A new SQLite audit store in the fixture's directory, for a second host next to the shared one.</summary>
    public AuditStoreLocation FreshAuditStore() => new(null, Path.Combine(_directory, $"audit-{Guid.NewGuid():n}.db"));

    public string TokenOf(string user) => Sandbox.Users.Single(u => u.Name == user).Token;

    public Task<ApiClient> SignInAsync(string user) => ApiClient.SignInAsync(Url, user, user + "-demo");

    public ApiClient Bearer(string user) => ApiClient.WithBearer(Url, TokenOf(user));

    public ClusterApi Admin() => Cluster.CreateApi();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Sandbox.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "host on the demo sandbox";
}

/// <summary>A started Kubemate host and the URL it listens on.</summary>
public sealed class RunningHost : IAsyncDisposable
{
    private RunningHost(WebApplication app, Uri url)
    {
        App = app;
        Url = url;
    }

    public WebApplication App { get; }

    public Uri Url { get; }

    /// <param name="log">Also receives the host's log, when given (the levels the options choose still apply).</param>
    public static async Task<RunningHost> StartAsync(KubemateHostOptions options, ILoggerProvider? log = null)
    {
        var app = KubemateHost.Build(options);
        if (log is not null)
        {
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(log);
        }
        await app.StartAsync();
        return new RunningHost(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
