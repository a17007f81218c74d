using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.Host.Api;

/// <summary>
/// <c>GET /api/v1/version</c>: which Kubemate build answers, for <c>kubemate version</c> and for support. Anonymous
/// callers may read it (it tells no more than the build's version and commit).
/// </summary>
public static class VersionApi
{
    public static IEndpointRouteBuilder MapVersionApi(this IEndpointRouteBuilder app)
    {
        var version = BuildVersion.Of(typeof(VersionApi).Assembly);
        app.MapGet("/api/v1/version", () => TypedResults.Ok(version))
            .AllowAnonymous()
            .WithTags("version")
            .WithName("GetVersion")
            .WithSummary("The server's version and, when known, the commit it was built from")
            .Produces<BuildVersion>();
        return app;
    }
}

/// <summary>A build's version and, when the build recorded it, its commit (from the assembly's informational version <c>1.2.3+commit</c>).</summary>
public sealed record BuildVersion(string Version, string? Commit)
{
    public static BuildVersion Of(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "unknown";
        var plus = informational.IndexOf('+');
        return plus < 0 ? new BuildVersion(informational, null) : new BuildVersion(informational[..plus], informational[(plus + 1)..]);
    }
}
