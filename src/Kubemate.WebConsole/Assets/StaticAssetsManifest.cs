using Microsoft.AspNetCore.Hosting;

namespace Kubemate.WebConsole.Assets;

/// <summary>Whether the host was built with a static web assets manifest (Web SDK projects are; the kubemate exe is not).</summary>
internal static class StaticAssetsManifest
{
    public static bool Exists(IWebHostEnvironment environment) =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, $"{environment.ApplicationName}.staticwebassets.endpoints.json"));
}
