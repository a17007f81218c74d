using Kubemate.WebConsole.Assets;
using Kubemate.WebConsole.Components;
using Kubemate.WebConsole.Live;
using Kubemate.WebConsole.Localization;
using Kubemate.WebConsole.Session;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace Kubemate.WebConsole;

/// <summary>How the <c>kubemate serve</c> host adds the web console: one call on services, one on the app.</summary>
public static class ConsoleHosting
{
    // The marker UseAntiforgery leaves on the application builder.
    private const string AntiforgeryMiddlewareSet = "__AntiforgeryMiddlewareSet";

    public static readonly TimeSpan DisconnectedCircuitRetention = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddKubemateConsole(this IServiceCollection services, ConsoleOptions? options = null)
    {
        services.AddSingleton(options ?? new ConsoleOptions());
        services.AddRazorComponents().AddInteractiveServerComponents(circuits =>
        {
            // A lost connection keeps its circuit (and the page's memory) only this long: enough for a network blip or
            // a laptop lid, not the default 3 minutes of every abandoned tab's topology held on a shared server.
            circuits.DisconnectedCircuitRetentionPeriod = DisconnectedCircuitRetention;
            circuits.DisconnectedCircuitMaxRetained = 50;
        });
        services.AddMudServices();
        services.AddLocalization();
        services.AddAuthorization();
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ClusterChangeFeed>();
        services.AddScoped<ConsoleSession>();
        services.AddScoped<Telemetry.TopologyPositions>();
        return services;
    }

    /// <summary>
    /// Maps the console's pages, its assets, the culture and theme switches; call after the host's authentication
    /// and authorization middleware.
    /// </summary>
    public static WebApplication MapKubemateConsole(this WebApplication app)
    {
        app.UseRequestLocalization(ConsoleCultures.LocalizationOptions());
        // The host may have added antiforgery already (it must run after authentication); once is enough.
        if (!((IApplicationBuilder)app).Properties.ContainsKey(AntiforgeryMiddlewareSet))
        {
            app.UseAntiforgery();
        }
        if (StaticAssetsManifest.Exists(app.Environment))
        {
            app.MapStaticAssets();
        }
        app.MapConsoleAssets();
        app.MapPreferenceEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
