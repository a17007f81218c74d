using Kubemate.Sandbox.Admission;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Resources;
using Kubemate.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox;

/// <summary>What the simulation gets to plug into the sandbox: the store it may write directly (it is part of the cluster), and the hooks.</summary>
public sealed class SandboxContext
{
    internal SandboxContext(ObjectStore store, ResourceRegistry registry, AdmissionChain admission, ResourceApi resources, TimeProvider clock, ILoggerFactory loggers)
    {
        Writer = new ClusterWriter(store, registry, admission, clock);
        Store = store;
        Registry = registry;
        Admission = admission;
        Resources = resources;
        Clock = clock;
        Loggers = loggers;
    }

    public ObjectStore Store { get; }
    /// <summary>Writes with the API's metadata rules and admission chain, for controllers and seeding.</summary>
    public ClusterWriter Writer { get; }
    public ResourceRegistry Registry { get; }
    public AdmissionChain Admission { get; }
    internal ResourceApi Resources { get; }
    public TimeProvider Clock { get; }
    /// <summary>The API server's HTTPS address, once it listens.</summary>
    public Uri? ServerUrl { get; internal set; }
    public ILoggerFactory Loggers { get; }

    /// <summary>Where proxied requests to pods and services go (e.g. the simulated proxies' metrics).</summary>
    public IProxyBackend? ProxyBackend
    {
        get => Resources.ProxyBackend;
        set => Resources.ProxyBackend = value;
    }
}

/// <summary>A part of the simulation: started with the server, disposed when it stops.</summary>
public interface ISandboxComponent : IAsyncDisposable
{
    /// <summary>Called once the API server is listening; <see cref="SandboxServer.Url"/> is known.</summary>
    Task StartAsync(SandboxContext context, SandboxServer server, CancellationToken cancellationToken);
}
