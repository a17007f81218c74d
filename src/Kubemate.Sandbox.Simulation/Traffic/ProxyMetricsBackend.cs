using Kubemate.Sandbox.Api;
using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// Answers the API server's pod proxy subresource for the simulated metrics endpoints: linkerd-proxy at
/// <c>4191</c>/<c>linkerd-admin</c> <c>metrics</c>, Traefik at <c>9100</c>/<c>metrics</c> <c>metrics</c>, istio-proxy
/// at <c>15020</c> <c>stats/prometheus</c>. Anything else is declined (the API answers 503).
/// </summary>
public sealed class ProxyMetricsBackend(TrafficEngine engine) : IProxyBackend
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public async Task<bool> TryServe(HttpContext context, string kind, JsonObject target, string? port, string path)
    {
        if (kind != "Pod")
        {
            return false;
        }
        var pod = SimulatedPod.From(target);
        var flavour = (port, path.Trim('/')) switch
        {
            ("4191" or "linkerd-admin", "metrics") when pod.LinkerdMeshed => ProxyFlavour.Linkerd,
            ("9100" or "metrics", "metrics") when pod.Traefik => ProxyFlavour.Traefik,
            ("15020", "stats/prometheus") when pod.IstioMeshed => ProxyFlavour.Istio,
            _ => (ProxyFlavour?)null,
        };
        if (flavour is not { } which || !pod.Ready)
        {
            return false;
        }
        var text = engine.Render(pod, which);
        context.Response.StatusCode = 200;
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(text, context.RequestAborted);
        return true;
    }
}
