using Kubemate.Cluster.Connection;
using Kubemate.Host;
using Kubemate.Host.Audit;
using Kubemate.Host.Identity;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Auth;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Kubemate.WebConsole.Figures.Synthetic;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Figures.Hosting;

/// <summary>
/// The host of <c>kubemate serve</c> with the console, in this process on 127.0.0.1:0 over the sandbox, built as
/// <c>ServeCommand.ForSandbox</c> builds it. With <see cref="SyntheticTelemetry"/> the telemetry service and backend
/// are the synthetic ones instead of the embedded store scraping the sandbox.
/// </summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    // A Prometheus URL stops the host from registering the embedded store and its scrape loop; nothing calls it,
    // because the synthetic backend and service registered afterwards are the ones resolved.
    private static readonly Uri UnusedPrometheus = new("http://127.0.0.1:9/");

    private readonly WebApplication _app;

    private ConsoleHost(WebApplication app, Uri url, CircuitCounter circuits)
    {
        _app = app;
        Url = url;
        Circuits = circuits;
    }

    public Uri Url { get; }
    public CircuitCounter Circuits { get; }

    public static async Task<ConsoleHost> StartAsync(SandboxServer sandbox, string auditPath, SyntheticTelemetry? synthetic, CancellationToken cancellationToken)
    {
        var circuits = new CircuitCounter();
        var options = new KubemateHostOptions
        {
            ListenAddress = "127.0.0.1",
            Port = 0,
            Cluster = ClusterConnection.ForEndpoint(sandbox.Url, sandbox.Certificates.Authority, sandbox.Admin.Token),
            ClusterName = "sandbox",
            ClusterMode = "sandbox",
            Users = sandbox.Users.Where(u => u.Name != UserStore.AdminName).Select(u => new DirectoryUser(u.Name, u.Groups, u.Token, u.Password)).ToList(),
            UsersSource = "sandbox",
            Audit = AuditStoreLocation.Parse(auditPath, null),
            PrometheusUrl = synthetic is null ? null : UnusedPrometheus,
            ConfigureServices = services =>
            {
                services.AddKubemateConsole();
                services.AddSingleton(circuits);
                services.AddScoped<CircuitHandler, CountingCircuitHandler>();
                if (synthetic is not null)
                {
                    services.AddSingleton<ITelemetryBackend>(synthetic.Backend);
                    services.AddSingleton<TelemetryService>(synthetic.Service);
                }
            },
            ConfigureApp = app => app.MapKubemateConsole(),
        };
        var app = KubemateHost.Build(options);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ConsoleHost(app, new Uri(bound), circuits);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
