using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubemate.Telemetry.Tests.Support;

/// <summary>A Kestrel endpoint on loopback that answers Prometheus' query paths the way a broken or partial backend does.</summary>
public sealed class FakePrometheusServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakePrometheusServer(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<FakePrometheusServer> StartAsync(RequestDelegate answer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(answer);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakePrometheusServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
