using Kubemate.Application.Overview;
using Kubemate.Application.Access;
using Kubemate.Application.Caching;
using Kubemate.Application.Identity;
using Kubemate.Application.Namespaces;
using Kubemate.Application.Telemetry;
using Kubemate.Drivers.Linkerd;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Golden;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.WebConsole.Tests;

/// <summary>The application layer's services the console's pages use, registered as <c>kubemate serve</c> registers them.</summary>
public static class ApplicationServices
{
    public static IServiceCollection AddApplicationServices(this IServiceCollection services, UserClusters clusters, TelemetryService? telemetry = null)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(clusters);
        services.AddSingleton<AccessReviews>();
        services.AddSingleton<AuditReaders>();
        services.AddSingleton<StatusCache>();
        services.AddSingleton<IMeshDriver>(new LinkerdDriver());
        services.AddSingleton<NamespaceStatuses>();
        services.AddSingleton(sp => new ServiceAccountCluster(clusters.Connection));
        services.AddSingleton(sp => new TelemetryVisibility(sp.GetRequiredService<AccessReviews>(), sp.GetRequiredService<ServiceAccountCluster>(), TimeProvider.System));
        services.AddSingleton<SharedReads>();
        if (telemetry is not null)
        {
            services.AddSingleton(telemetry);
            services.AddSingleton<TelemetryReads>();
            services.AddSingleton<ClusterOverview>();
            services.AddSingleton<WorkloadPods>();
        }
        return services;
    }

    /// <summary>The services alone, for tests that call them without rendering a page.</summary>
    public static ServiceProvider For(UserClusters clusters) => new ServiceCollection().AddApplicationServices(clusters).BuildServiceProvider();
}
