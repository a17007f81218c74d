using Kubemate.Host.Telemetry;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Querying;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Telemetry.Tests.Support;

/// <summary>A minimal web host with only the telemetry API, on Kestrel at 127.0.0.1:0.</summary>
public sealed class TelemetryTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly WebApplication app;

    private TelemetryTestHost(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<TelemetryTestHost> StartAsync(ITelemetryBackend backend, TimeProvider clock)
    {
        var app = await LoopbackApp.StartAsync(app => app.MapTelemetryApi(),
            services => services.AddKubemateTelemetry(new TelemetryHostOptions { Backend = backend, Time = clock, Golden = TestMeshes.Options }));
        return new TelemetryTestHost(app, app.BoundUrl());
    }

    /// <summary>A host over an embedded store holding 6.5 minutes of <see cref="Estates.Bank"/> traffic.</summary>
    public static async Task<TelemetryTestHost> SeededAsync()
    {
        var clock = new FakeTimeProvider(Start);
        var store = new EmbeddedStore(new EmbeddedStoreOptions(), clock);
        Estates.Scrape(store, new ProxyTraffic(Start, Estates.Bank), Start, 40);
        clock.SetUtcNow(Start + TimeSpan.FromSeconds(390));
        return await StartAsync(store, clock);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
