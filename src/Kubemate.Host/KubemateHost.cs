using Kubemate.Host.Canary;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Overview;
using System.Text.Json.Serialization;
using Kubemate.ApiMachinery.Json;
using Kubemate.Cluster.Connection;
using Kubemate.Application.Access;
using Kubemate.Application.Caching;
using Kubemate.Application.Identity;
using Kubemate.Application.Meshes;
using Kubemate.Application.Modeling;
using Kubemate.Application.Namespaces;
using Kubemate.Application.Onboarding;
using Kubemate.Application.Runs;
using Kubemate.Application.Telemetry;
using Kubemate.Host.Api;
using Kubemate.Host.Api.Contract;
using Kubemate.Host.Audit;
using Kubemate.Host.Auth;
using Kubemate.Host.Health;
using Kubemate.Host.Identity;
using Kubemate.Host.Limits;
using Kubemate.Host.Listening;
using Kubemate.Host.Metrics;
using Kubemate.Host.Options;
using Kubemate.Host.Previews;
using Kubemate.Host.Problems;
using Kubemate.Host.Security;
using Kubemate.Host.Telemetry;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Golden;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Prometheus;

namespace Kubemate.Host;

/// <summary>The ASP.NET Core host of <c>kubemate serve</c>: REST API, sign-in, health, metrics and OpenAPI.</summary>
public static class KubemateHost
{
    /// <summary>The largest request body the API reads.</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Builds the host; the options are validated (<see cref="KubemateHostOptionsValidator"/>), the audit store opens
    /// and the listener binds when it is started: a bad option is an <see cref="OptionsValidationException"/> from
    /// <c>StartAsync</c> naming the option.
    /// </summary>
    /// <exception cref="ArgumentException">The telemetry or health options are inconsistent; the message names the option.</exception>
    public static WebApplication Build(KubemateHostOptions options)
    {
        var drivers = options.MeshDrivers ?? MeshCatalog.Shipped;
        // An unknown provider is reported by the options' validation when the host starts, naming the option.
        var driver = drivers.IsRegistered(options.MeshProvider) ? drivers.Create(options.MeshProvider) : null;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(KubemateHost).Assembly.GetName().Name,
        });
        builder.Logging.SetMinimumLevel(options.VerboseLogging ? LogLevel.Information : LogLevel.Warning);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            // Which server answers is nobody's business.
            kestrel.AddServerHeader = false;
            KestrelListener.Configure(kestrel, options);
        });
        AddServices(builder.Services, options, drivers, driver);
        options.ConfigureServices?.Invoke(builder.Services);

        var app = builder.Build();
        // Runs still going when the host stops end with a Failed event saying so, before the audit store closes.
        app.Lifetime.ApplicationStopping.Register(() => app.Services.GetRequiredService<OperationRegistry>().Stop());
        if (options.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders(TrustedProxies.Options(options.TrustedProxies));
        }
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseApiCsrfProtection();
        app.UseTextInputChecks();
        app.UseRateLimiter();

        app.MapHealthApi();
        app.MapMetrics("/metrics").AllowAnonymous();
        app.MapOpenApi(OpenApiPath).AllowAnonymous();
        app.MapSessionApi(options.Oidc is not null);
        app.MapClusterInfoApi(options);
        app.MapNamespacesApi();
        app.MapMeshApi();
        app.MapOperationsApi();
        app.MapChangeSetsApi();
        app.MapAuditApi();
        app.MapTelemetryApi();
        app.MapVersionApi();
        app.MapCanaryApi();
        options.ConfigureApp?.Invoke(app);
        return app;
    }

    /// <summary>Where the OpenAPI document is served (<c>/openapi/v1.json</c>).</summary>
    public const string OpenApiPath = "/openapi/{documentName}.json";

    private static void AddServices(IServiceCollection services, KubemateHostOptions options, MeshDriverRegistry drivers, IMeshDriver? driver)
    {
        services.AddValidatedOptions<KubemateHostOptions, KubemateHostOptionsValidator>(options);
        services.AddSingleton(drivers);
        services.AddSingleton(new ModelRendering(drivers, TimeProvider.System));
        services.AddSingleton(new ModelImport(drivers));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // Numbers are numbers: "5" for an integer member is a wrong type, not a number.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // The depth every Kubemate reader accepts; a deeper body is a 400 naming the limit (BindingFailure).
            o.SerializerOptions.MaxDepth = JsonLimits.MaxDepth;
        });
        // Binding failures (bad JSON, wrong types, unknown members) reach KnownExceptionHandler, which names the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<KnownExceptionHandler>();
        services.AddOpenApi(o =>
        {
            // OpenAPI 3.0 rather than 3.1: the client generator reads 3.0 completely (see docs/rest-api.md).
            o.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_0;
            // A change set's objects are any Kubernetes objects; the schema says what they are rather than how they are held.
            // The model's ValueList<T> is an array of T (ValueListSchemas), written inline rather than as a component of its own.
            o.CreateSchemaReferenceId = type => type.Type == typeof(System.Text.Json.Nodes.JsonObject) ? "KubernetesObject"
                : type.Type.IsGenericType && type.Type.GetGenericTypeDefinition() == typeof(Kubemate.Model.Collections.ValueList<>) ? null
                : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            o.AddDocumentTransformer<SecuritySchemes>();
            o.AddOperationTransformer<AuthorizationResponses>();
            o.AddSchemaTransformer<TelemetrySchemas>();
            o.AddSchemaTransformer<ExtensionDataSchemas>();
            o.AddSchemaTransformer<ValueListSchemas>();
        });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = AuthSchemes.CsrfHeader;
            o.Cookie.Name = "kubemate.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddKubemateAuthentication(options.Oidc);
        services.AddSingleton(options.Limits);
        services.AddSingleton(sp => new SignInThrottle(options.Limits, options.Time));
        services.AddMutationRateLimits(options.Limits);
        services.AddKubemateTelemetry(new TelemetryHostOptions
        {
            PrometheusUrl = options.PrometheusUrl,
            Cluster = options.Cluster,
            Time = options.Time,
            // Telemetry and the embedded store's scraper speak the active driver's vocabulary.
            Golden = new TelemetryOptions { Health = options.Health, Mesh = driver?.Conventions },
            Embedded = new EmbeddedStoreOptions { Mesh = driver?.Conventions },
        });
        services.AddAuthorization();

        services.AddSingleton(options);
        if (options.Tls is { } tls)
        {
            services.AddSingleton(sp => new ReloadingCertificate(tls, options.Time, sp.GetRequiredService<ILoggerFactory>().CreateLogger<ReloadingCertificate>()));
        }
        services.AddSingleton(options.Time);
        services.AddSingleton(options.Cluster);
        services.AddSingleton(_ => new ServiceAccountCluster(options.Cluster));
        services.AddSingleton(_ => new UserClusters(options.Cluster, options.ClusterName));
        services.AddSingleton(UserDirectory.For(options));
        services.AddSingleton(sp => driver ?? sp.GetRequiredService<MeshDriverRegistry>().Create(sp.GetRequiredService<IOptions<KubemateHostOptions>>().Value.MeshProvider));
        services.AddSingleton(sp => sp.GetRequiredService<IMeshDriver>().Conventions);
        services.AddSingleton(sp => new HostedAuditStore(options.Audit ?? AuditStoreLocation.Parse(null, null), options.Time));
        services.AddSingleton<Kubemate.Audit.IAuditStore>(sp => sp.GetRequiredService<HostedAuditStore>());
        services.AddHostedService(sp => sp.GetRequiredService<HostedAuditStore>());
        services.AddSingleton(sp => new HostedSessionStore(sp.GetRequiredService<HostedAuditStore>().Location, options.Time));
        services.AddHostedService(sp => sp.GetRequiredService<HostedSessionStore>());
        services.AddSingleton<StatusCache>();
        services.AddSingleton<IOperationObserver, OperationMetricsObserver>();
        services.AddSingleton(sp => new OperationRegistry(options.Time, sp.GetRequiredService<StatusCache>(), sp.GetRequiredService<IOperationObserver>()));
        services.AddSingleton<AccessReviews>();
        services.AddSingleton<NamespaceStatuses>();
        services.AddSingleton<MeshSwitch>();
        services.AddSingleton<PreviewStore>();
        services.AddSingleton<AuditReaders>();
        services.AddSingleton<ClusterOverview>();
        services.AddSingleton<WorkloadPods>();
        services.AddSingleton<CanaryReleases>();
        if (options.CanaryController is { } canary)
        {
            services.AddHttpClient(CanaryControllerHost.WebhookClient);
            services.AddSingleton(canary);
            services.AddSingleton<CanaryControllerHost>();
            services.AddHostedService(sp => sp.GetRequiredService<CanaryControllerHost>());
        }
    }
}
