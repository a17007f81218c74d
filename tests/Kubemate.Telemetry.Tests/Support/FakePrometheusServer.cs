using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

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
        var app = await LoopbackApp.StartAsync(app => app.Run(answer));
        return new FakePrometheusServer(app, app.BoundUrl());
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
