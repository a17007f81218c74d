using System.Globalization;
using Bunit;
using Kubemate.Telemetry.Golden;
using Kubemate.Application.Identity;
using Kubemate.WebConsole.Session;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Kubemate.WebConsole.Tests;

/// <summary>
/// A bUnit context with MudBlazor and the console's localization, in the given UI culture. MudBlazor has services
/// that only dispose asynchronously, so the context is disposed through <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class ConsoleTestContext : IAsyncLifetime
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    protected ConsoleTestContext(string culture = "en")
    {
        Bunit.Services.AddMudServices();
        Bunit.Services.AddLocalization();
        Bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        UseCulture(culture);
    }

    protected BunitContext Bunit { get; } = new();

    protected IRenderedComponent<T> Render<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null) where T : IComponent =>
        Bunit.Render(parameters);

    /// <summary>Registers what the telemetry pages need: the signed-in session and the application layer's services, as the host does.</summary>
    protected void AddTelemetryPageServices(ConsoleSession session, UserClusters clusters, TelemetryService telemetry)
    {
        Bunit.Services.AddSingleton(session);
        Bunit.Services.AddApplicationServices(clusters, telemetry);
    }

    protected static void UseCulture(string culture)
    {
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await Bunit.DisposeAsync();
    }
}
