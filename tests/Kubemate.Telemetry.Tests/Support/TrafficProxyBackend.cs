using System.Text.Json.Nodes;
using Kubemate.Sandbox;
using Kubemate.Sandbox.Api;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Telemetry.Tests.Support;

/// <summary>
/// Installs itself as the sandbox's pod proxy backend and answers <c>pods/NAME:4191/proxy/metrics</c> with the
/// <see cref="ProxyTraffic"/> of the pod's workload, so Prometheus and the embedded store scrape the same traffic.
/// Set <see cref="Traffic"/> before scrapes start; pods without traffic answer 503 like an unreachable target.
/// </summary>
public sealed class TrafficProxyBackend(TimeProvider clock) : IProxyBackend, ISandboxComponent
{
    public ProxyTraffic? Traffic { get; set; }

    /// <summary>How many metrics requests were served (proves both scrapers go through the pod proxy).</summary>
    public int Served => served;

    private int served;

    public Task StartAsync(SandboxContext context, SandboxServer server, CancellationToken cancellationToken)
    {
        context.ProxyBackend = this;
        return Task.CompletedTask;
    }

    public async Task<bool> TryServe(HttpContext context, string kind, JsonObject target, string? port, string path)
    {
        var ns = target["metadata"]?["namespace"]?.GetValue<string>() ?? "";
        var workload = target["metadata"]?["labels"]?["linkerd.io/proxy-deployment"]?.GetValue<string>();
        if (kind != "Pod" || port != "4191" || path.TrimStart('/') != "metrics" || workload is null || Traffic is not { } traffic)
        {
            return false;
        }
        Interlocked.Increment(ref served);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "text/plain; version=0.0.4";
        await context.Response.WriteAsync(traffic.Render(ns, workload, clock.GetUtcNow()), context.RequestAborted);
        return true;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
