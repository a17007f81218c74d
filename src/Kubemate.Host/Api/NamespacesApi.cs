using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Host.Caching;
using Kubemate.Host.Identity;
using Kubemate.Host.Problems;
using Kubemate.Model.Drivers;
using Kubemate.Application.Onboarding;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>Namespaces with their mesh status, as far as the signed-in user may see them.</summary>
public static class NamespacesApi
{
    public static IEndpointRouteBuilder MapNamespacesApi(this IEndpointRouteBuilder app)
    {
        var namespaces = app.MapGroup("/api/v1/namespaces").WithTags("namespaces").RequireAuthorization();
        namespaces.MapGet("", ListAsync).WithName("ListNamespaces")
            .WithSummary("Every namespace the user may list, with injection switch and meshed/total pods");
        namespaces.MapGet("/{ns}/mesh", GetAsync).WithName("GetNamespaceMesh")
            .WithSummary("One namespace's mesh status, per workload")
            .ProducesValidationProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>
    /// Cluster-wide lists when the user may read them; otherwise the namespaces the user may list, each read on
    /// its own, leaving out those whose workloads or pods Kubernetes does not let the user see.
    /// </summary>
    private static async Task<Ok<IReadOnlyList<NamespaceMeshStatus>>> ListAsync(HttpContext context, UserClusters clusters, IMeshDriver driver, StatusCache cache) =>
        TypedResults.Ok(await cache.GetAsync(CacheKey(context, null), ct => ReadVisibleAsync(clusters.For(context.User), driver, ct)));

    private static async Task<IReadOnlyList<NamespaceMeshStatus>> ReadVisibleAsync(ClusterApi api, IMeshDriver driver, CancellationToken cancellationToken)
    {
        try
        {
            return await MeshStatusReader.ReadAsync(api, driver, null, cancellationToken);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
        }
        var names = ((await api.SendAsync(HttpMethod.Get, "api/v1/namespaces", null, null, cancellationToken))["items"] as JsonArray ?? [])
            .Select(n => (string?)n?["metadata"]?["name"])
            .OfType<string>()
            .Order(StringComparer.Ordinal);
        var visible = new List<NamespaceMeshStatus>();
        foreach (var ns in names)
        {
            try
            {
                visible.AddRange(await MeshStatusReader.ReadAsync(api, driver, ns, cancellationToken));
            }
            catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
            }
        }
        return visible;
    }

    private static async Task<Results<Ok<NamespaceMeshStatus>, ValidationProblem, ProblemHttpResult>> GetAsync(string ns, HttpContext context, UserClusters clusters, IMeshDriver driver, StatusCache cache)
    {
        var errors = new RequestErrors();
        if (!KubernetesNames.CheckLabel(ns, "namespace", errors))
        {
            return Problem.Validation(errors);
        }
        var api = clusters.For(context.User);
        try
        {
            var status = await cache.GetAsync(CacheKey(context, ns), async ct =>
                await api.GetOrNullAsync($"api/v1/namespaces/{ns}", ct) is null
                    ? throw new NamespaceNotFoundException()
                    : await MeshStatusReader.ReadAsync(api, driver, ns, ct));
            return TypedResults.Ok(status.Single(s => s.Name == ns));
        }
        catch (NamespaceNotFoundException)
        {
            return Problem.Field("namespace", $"namespace \"{ns}\" not found", StatusCodes.Status404NotFound);
        }
    }

    private static string CacheKey(HttpContext context, string? ns) => $"{UserClusters.KeyOf(context.User.ToUserIdentity())}\n{ns ?? "*"}";

    private sealed class NamespaceNotFoundException : Exception;
}
