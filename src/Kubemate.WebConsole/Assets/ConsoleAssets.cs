using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Kubemate.WebConsole.Assets;

/// <summary>
/// The console's scripts and styles, embedded in this assembly and served under <see cref="Prefix"/>, so the console
/// works in any host whatever SDK built it. URLs carry a content hash, so they are cached for good.
/// </summary>
public static class ConsoleAssets
{
    public const string Prefix = "/_kubemate/";

    private static readonly Dictionary<string, Asset> Assets = Load();

    /// <summary>The versioned URL of an asset, e.g. <c>/_kubemate/blazor.web.js?v=1a2b…</c>.</summary>
    public static string Url(string name) =>
        Assets.TryGetValue(name, out var asset) ? $"{Prefix}{name}?v={asset.Version}" : throw new ArgumentException($"asset: \"{name}\" is not embedded in the console", nameof(name));

    internal static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "{name}", (string name, HttpContext context) =>
        {
            if (!Assets.TryGetValue(name, out var asset))
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{asset.Version}\""));
        }).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static Dictionary<string, Asset> Load()
    {
        const string prefix = "Kubemate.WebConsole.Assets.";
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var content = Read(assembly, resource);
            var version = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            assets[name] = new Asset(content, name.EndsWith(".css", StringComparison.Ordinal) ? "text/css" : "text/javascript", version);
        }
        return assets;
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private sealed record Asset(byte[] Content, string ContentType, string Version);
}
