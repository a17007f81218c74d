using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary><c>GET /api/v1/cluster</c>: which cluster this host drives (mode, API server URL, name); no secrets, no file paths.</summary>
public static class ClusterInfoApi
{
    /// <summary>The answer; <see cref="Extra"/> holds the host's extra facts (e.g. whether the sandbox wrote a kubeconfig) as members beside these.</summary>
    public sealed record ClusterInfo(string Mode, string Name, string Server, string MeshProvider)
    {
        [JsonExtensionData]
        public IDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
    }

    public static IEndpointRouteBuilder MapClusterInfoApi(this IEndpointRouteBuilder app, KubemateHostOptions options)
    {
        app.MapGet("/api/v1/cluster", () => TypedResults.Ok(new ClusterInfo(options.ClusterMode, options.ClusterName, options.Cluster.Server, options.MeshProvider)
        {
            Extra = options.ClusterInfo.Where(p => !IsPath(p.Value)).ToDictionary(p => p.Key, p => (object?)p.Value),
        })).AllowAnonymous().WithTags("cluster").WithName("GetCluster").WithSummary("Which cluster this host drives");
        return app;
    }

    /// <summary>The answer is anonymous: where Kubemate keeps its files (kubeconfig, data, audit store) is not for everyone.</summary>
    private static bool IsPath(string? value) =>
        value is not null && (Path.IsPathRooted(value) || value.StartsWith('~') || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith("../", StringComparison.Ordinal));
}
