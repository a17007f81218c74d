using Kubemate.Application.Meshes;
using Kubemate.Cluster.Connection;
using Kubemate.Host.Audit;
using Kubemate.Host.Auth;
using Kubemate.Host.Identity;
using Kubemate.Host.Limits;
using Kubemate.Host.Listening;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Topology;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host;

/// <summary>Everything <see cref="KubemateHost.Build"/> needs; <c>kubemate serve</c> fills it from its flags.</summary>
public sealed record KubemateHostOptions
{
    /// <summary>Address to listen on; port 0 picks a free one.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 8080;

    /// <summary>Serve https with this certificate (read again when its files change); null serves plain http.</summary>
    public TlsFiles? Tls { get; init; }

    /// <summary>
    /// Listen on a non-loopback address without TLS. Refused otherwise: the session cookie and tokens would cross the
    /// network in clear text. Meant for a TLS-terminating proxy in the same pod; name it in <see cref="TrustedProxies"/>.
    /// </summary>
    public bool InsecureListen { get; init; }

    /// <summary>Proxies whose X-Forwarded-For/-Proto headers are believed; empty believes none.</summary>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxies { get; init; } = [];

    /// <summary>Kubemate's own identity on the cluster; users' calls impersonate them through it.</summary>
    public required ClusterConnection Cluster { get; init; }

    /// <summary>The name recorded in the audit trail and shown in the console (kubeconfig context, "sandbox"…).</summary>
    public string ClusterName { get; init; } = "sandbox";

    /// <summary>sandbox, kubeconfig or in-cluster, as reported by <c>GET /api/v1/cluster</c>.</summary>
    public string ClusterMode { get; init; } = "sandbox";

    /// <summary>
    /// Extra facts for <c>GET /api/v1/cluster</c>; never secrets, and never file paths (the answer is anonymous):
    /// a value that looks like a path is left out.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ClusterInfo { get; init; } = new Dictionary<string, string?>();

    /// <summary>Mesh driver key, one of <see cref="MeshDrivers"/>' providers: linkerd (default), istio…</summary>
    public string MeshProvider { get; init; } = MeshCatalog.DefaultProvider;

    /// <summary>The drivers to choose from; null means the ones Kubemate ships (<see cref="MeshCatalog.Shipped"/>).</summary>
    public MeshDriverRegistry? MeshDrivers { get; init; }

    /// <summary>The audit store; null means audit.db under ~/.kubemate.</summary>
    public AuditStoreLocation? Audit { get; init; }

    /// <summary>Users who sign in with a token or (sandbox only, and only on a loopback address) a password.</summary>
    public IReadOnlyList<DirectoryUser> Users { get; init; } = [];

    /// <summary>sandbox or token-file: where <see cref="Users"/> came from.</summary>
    public string UsersSource { get; init; } = "sandbox";

    public OidcSignInOptions? Oidc { get; init; }

    /// <summary>Sign-in throttling, per-user rate limits on changes and the audit record size cap.</summary>
    public RequestLimits Limits { get; init; } = new();

    /// <summary>Prometheus (or Thanos Query) URL for mesh telemetry; null uses the embedded store.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>When workloads and edges count as degraded or failing, for the REST API and the console alike.</summary>
    public HealthThresholds Health { get; init; } = new();

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The canary controller's settings; null runs no controller (tests that do not need one, a read-only console).</summary>
    public Kubemate.Application.Canary.Controller.CanaryControllerOptions? CanaryController { get; init; }

    /// <summary>Log at Information instead of Warning.</summary>
    public bool VerboseLogging { get; init; }

    /// <summary>More services, registered after the host's own (e.g. the console's <c>AddKubemateConsole</c>).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>More endpoints, mapped after the host's own (e.g. the console's <c>MapKubemateConsole</c>).</summary>
    public Action<WebApplication>? ConfigureApp { get; init; }
}
