using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary><c>GET /api/v1/cluster</c>: which cluster this host drives (mode, API server URL, name); no secrets.</summary>
public static class ClusterInfoApi
{
    public static IEndpointRouteBuilder MapClusterInfoApi(this IEndpointRouteBuilder app, KubemateHostOptions options)
    {
        app.MapGet("/api/v1/cluster", () =>
        {
            var info = new JsonObject
            {
                ["mode"] = options.ClusterMode,
                ["name"] = options.ClusterName,
                ["server"] = options.Cluster.Server,
                ["meshProvider"] = options.MeshProvider,
            };
            foreach (var (key, value) in options.ClusterInfo)
            {
                info[key] = value;
            }
            return Results.Content(info.ToJsonString(), "application/json");
        }).AllowAnonymous().WithTags("cluster").WithSummary("Which cluster this host drives");
        return app;
    }
}
