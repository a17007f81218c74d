using System.Net;
using Kubemate.Files;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Admission.BuiltIn;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Controllers;
using Kubemate.Sandbox.Discovery;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Persistence;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;
using Kubemate.Sandbox.Tls;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox;

/// <summary>
/// The embedded Kubernetes-compatible API server on loopback. Real clients (kubectl, the official C# client)
/// reach it over HTTP with the kubeconfig it writes; nothing in Kubemate's product code calls it in-process.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<IDisposable> _controllers;
    private readonly IReadOnlyList<ISandboxComponent> _components;

    private SandboxServer(WebApplication app, ObjectStore store, ResourceRegistry registry, SandboxContext context,
        IReadOnlyList<SandboxUser> users, List<IDisposable> controllers, IReadOnlyList<ISandboxComponent> components, SandboxCertificates certificates)
    {
        _app = app;
        Certificates = certificates;
        Store = store;
        Registry = registry;
        Context = context;
        Users = users;
        _controllers = controllers;
        _components = components;
    }

    public Uri Url { get; private set; } = new("https://127.0.0.1/");
    /// <summary>The CA clients must trust and the serving certificate.</summary>
    public SandboxCertificates Certificates { get; }
    public ObjectStore Store { get; }
    public ResourceRegistry Registry { get; }
    public SandboxContext Context { get; }
    public IReadOnlyList<SandboxUser> Users { get; }
    public SandboxUser Admin => Users[0];

    /// <summary>Signalled when the host is asked to stop (SIGTERM/SIGINT reach it through its console lifetime).</summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    /// <param name="extraUsers">Users besides the admin (e.g. the demo estate's); their tokens persist with the data directory.</param>
    /// <param name="components">Simulation parts (controllers, injection, seeding) started once the server listens.</param>
    public static async Task<SandboxServer> StartAsync(
        SandboxOptions options,
        IEnumerable<SandboxUserSpec>? extraUsers = null,
        IEnumerable<ISandboxComponent>? components = null,
        TimeProvider? clock = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        if (!IPAddress.TryParse(options.ListenAddress, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"the sandbox listens on loopback only; \"{options.ListenAddress}\" is not a loopback address", nameof(options));
        }
        clock ??= TimeProvider.System;
        if (options.DataDirectory is not null)
        {
            // It holds every Secret and the issuer key: 0700 before anything is written into it.
            PrivateFiles.OwnFolder(options.DataDirectory);
        }
        var users = UserStore.Load(options.DataDirectory, extraUsers ?? []);
        var certificates = SandboxCertificates.LoadOrCreate(options.DataDirectory, clock);
        IStoreJournal? journal = options.DataDirectory is null ? null : new FileJournal(Path.Combine(options.DataDirectory, "state"));
        var store = new ObjectStore(options.WatchHistory, journal);
        var registry = new ResourceRegistry();

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port, listen => listen.UseHttps(certificates.Serving));
            kestrel.Limits.MaxRequestBodySize = null; // RequestBody enforces the limit with a proper 413 Status
            kestrel.AddServerHeader = false;
        });
        var admission = new AdmissionChain();
        admission.Add(new BuiltInDecoding());
        admission.Add(new CrdAdmission(clock));
        admission.Add(new MetadataValidation());
        admission.Add(new BuiltInValidation());
        admission.Add(new CustomResourceValidation());
        var authorizer = new SandboxAuthorizer(store);
        admission.Add(new RbacEscalationCheck(authorizer));

        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(registry);
        builder.Services.AddSingleton(admission);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(new TokenAuthenticator(users));
        builder.Services.AddSingleton(authorizer);
        builder.Services.AddSingleton<ResourceApi>();
        builder.Services.AddSingleton<ReviewApi>();
        builder.Services.AddSingleton<OpenApiDocuments>();
        builder.Services.AddSingleton<ApiRouter>();
        var app = builder.Build();
        var router = app.Services.GetRequiredService<ApiRouter>();
        app.Run(router.Handle);

        var loggers = app.Services.GetRequiredService<ILoggerFactory>();
        var controllers = new List<IDisposable>
        {
            new CrdController(store, registry),
            new GarbageCollector(store, loggers.CreateLogger<GarbageCollector>()),
        };
        var context = new SandboxContext(store, registry, admission, app.Services.GetRequiredService<ResourceApi>(), clock, loggers);
        SystemObjects.Ensure(store, clock);
        var componentList = (components ?? []).ToList();
        var server = new SandboxServer(app, store, registry, context, users, controllers, componentList, certificates);
        await app.StartAsync(cancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        context.ServerUrl = server.Url;
        foreach (var component in componentList)
        {
            await component.StartAsync(context, server, cancellationToken);
        }
        return server;
    }

    /// <summary>A kubeconfig with one context per user; the admin's is current.</summary>
    public string Kubeconfig()
    {
        var server = Url.ToString().TrimEnd('/');
        var contexts = new JsonArray();
        var authInfos = new JsonArray();
        foreach (var user in Users)
        {
            authInfos.Add(new JsonObject { ["name"] = user.Name, ["user"] = new JsonObject { ["token"] = user.Token } });
            contexts.Add(new JsonObject
            {
                ["name"] = ContextName(user),
                ["context"] = new JsonObject { ["cluster"] = "kubemate-sandbox", ["user"] = user.Name, ["namespace"] = "default" },
            });
        }
        var config = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Config",
            ["clusters"] = new JsonArray(new JsonObject { ["name"] = "kubemate-sandbox", ["cluster"] = new JsonObject
            {
                ["server"] = server,
                ["certificate-authority-data"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(Certificates.AuthorityPem)),
            } }),
            ["users"] = authInfos,
            ["contexts"] = contexts,
            ["current-context"] = ContextName(Admin),
            ["preferences"] = new JsonObject(),
        };
        return YamlJson.Serialize(config);
    }

    public static string ContextName(SandboxUser user) => user.Name == UserStore.AdminName ? "kubemate-sandbox" : $"kubemate-sandbox-{user.Name}";

    /// <summary>Writes the kubeconfig atomically with owner-only permissions (it holds bearer tokens).</summary>
    public void WriteKubeconfig(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Kubeconfig());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temporary, path, overwrite: true);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var component in _components.Reverse())
        {
            await component.DisposeAsync();
        }
        await _app.StopAsync();
        foreach (var controller in _controllers)
        {
            controller.Dispose();
        }
        await _app.DisposeAsync();
        Store.Dispose();
    }
}
