using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary><c>GET /api/v1/cluster</c>: which cluster this host drives (mode, API server URL, name); no secrets.</summary>
public static class ClusterInfoApi
{
    /// <summary>The answer; <see cref="Extra"/> holds the host's extra facts (e.g. the sandbox's <c>kubeconfig</c> path) as members beside these.</summary>
    public sealed record ClusterInfo(string Mode, string Name, string Server, string MeshProvider)
    {
        [JsonExtensionData]
        public IDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
    }

    public static IEndpointRouteBuilder MapClusterInfoApi(this IEndpointRouteBuilder app, KubemateHostOptions options)
    {
        app.MapGet("/api/v1/cluster", () => TypedResults.Ok(new ClusterInfo(options.ClusterMode, options.ClusterName, options.Cluster.Server, options.MeshProvider)
        {
            Extra = options.ClusterInfo.ToDictionary(p => p.Key, p => (object?)p.Value),
        })).AllowAnonymous().WithTags("cluster").WithName("GetCluster").WithSummary("Which cluster this host drives");
        return app;
    }
}
