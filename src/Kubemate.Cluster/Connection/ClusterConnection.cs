using System.Security.Cryptography.X509Certificates;
using k8s;
using k8s.KubeConfigModels;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;

namespace Kubemate.Cluster.Connection;

/// <summary>
/// How Kubemate reaches one cluster: a kubeconfig context, the pod's service account, or an explicit endpoint
/// such as the embedded sandbox. Every path ends in the official client talking HTTP.
/// </summary>
public sealed class ClusterConnection
{
    private ClusterConnection(KubernetesClientConfiguration configuration, string description, string? kubeconfigUser = null)
    {
        Configuration = configuration;
        Description = description;
        KubeconfigUser = kubeconfigUser;
        // Impersonate-Group must reach the server as one header line per group; .NET would join them into one.
        // The split is done on the HTTP/1.1 byte stream, so HTTP/2 (whose header block is compressed) stays off.
        configuration.DisableHttp2 = true;
        var existing = configuration.FirstMessageHandlerSetup;
        configuration.FirstMessageHandlerSetup = handler =>
        {
            existing?.Invoke(handler);
            handler.PlaintextStreamFilter = (context, _) => ValueTask.FromResult<Stream>(new RepeatedHeaderStream(context.PlaintextStream));
        };
    }

    public KubernetesClientConfiguration Configuration { get; }

    /// <summary>The API server's address.</summary>
    public string Server => Configuration.Host;

    /// <summary>The kubeconfig context chosen, or null when not from a kubeconfig.</summary>
    public string? ContextName => Configuration.CurrentContext;

    /// <summary>Where the connection came from, for logs and error messages (never a secret).</summary>
    public string Description { get; }

    /// <summary>The kubeconfig user entry of the chosen context (a name, not a credential); null when not from a kubeconfig.</summary>
    public string? KubeconfigUser { get; }

    /// <summary>
    /// Reads a kubeconfig (the given path, else the first entry of <c>KUBECONFIG</c>, else <c>~/.kube/config</c>)
    /// and selects a context (the given one, else the file's current context).
    /// </summary>
    public static async Task<ClusterConnection> FromKubeconfigAsync(string? path = null, string? context = null)
    {
        var file = new FileInfo(path ?? DefaultKubeconfigPath());
        if (!file.Exists)
        {
            throw new ArgumentException($"kubeconfig: file \"{file.FullName}\" does not exist", nameof(path));
        }
        K8SConfiguration kubeconfig;
        try
        {
            kubeconfig = await KubernetesClientConfiguration.LoadKubeConfigAsync(file).ConfigureAwait(false);
        }
        catch (Exception error) when (error is k8s.Exceptions.KubeConfigException or YamlDotNet.Core.YamlException)
        {
            throw new ArgumentException($"kubeconfig: \"{file.FullName}\" cannot be read: {error.Message}", nameof(path), error);
        }
        var contexts = kubeconfig.Contexts?.Select(c => c.Name).ToList() ?? [];
        var chosen = context ?? kubeconfig.CurrentContext;
        if (string.IsNullOrEmpty(chosen))
        {
            throw new ArgumentException($"kubeconfig: \"{file.FullName}\" has no current-context; choose one of: {string.Join(", ", contexts)}", nameof(context));
        }
        if (!contexts.Contains(chosen))
        {
            throw new ArgumentException($"kubeconfig: context \"{chosen}\" not found in \"{file.FullName}\"; available: {string.Join(", ", contexts)}", nameof(context));
        }
        var configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(kubeconfig, chosen);
        var user = kubeconfig.Contexts?.FirstOrDefault(c => c.Name == chosen)?.ContextDetails?.User;
        return new ClusterConnection(configuration, $"kubeconfig {file.FullName} context {chosen}", user);
    }

    /// <summary>The service account token and CA mounted into a Kubemate pod.</summary>
    public static ClusterConnection InCluster()
    {
        if (!KubernetesClientConfiguration.IsInCluster())
        {
            throw new InvalidOperationException("in-cluster: KUBERNETES_SERVICE_HOST/PORT or the service account token are missing; not running in a pod");
        }
        return new ClusterConnection(KubernetesClientConfiguration.InClusterConfig(), "in-cluster service account");
    }

    /// <summary>An endpoint given directly, e.g. the embedded sandbox: its URL, the CA that signed its certificate, and a bearer token.</summary>
    public static ClusterConnection ForEndpoint(Uri server, X509Certificate2 authority, string token) =>
        new(new KubernetesClientConfiguration
        {
            Host = server.ToString(),
            SslCaCerts = [authority],
            AccessToken = token,
        }, $"endpoint {server}");

    /// <summary>A client acting as Kubemate itself, or, when a user is given, impersonating that user.</summary>
    public Kubernetes CreateClient(UserIdentity? user = null) =>
        user is null ? new Kubernetes(Configuration) : new Kubernetes(Configuration, new ImpersonationHandler(user));

    /// <summary>The generic JSON API over a new client (see <see cref="CreateClient"/>); dispose it when done.</summary>
    public ClusterApi CreateApi(UserIdentity? user = null) => new(CreateClient(user));

    /// <summary>The kubeconfig read when no path is given: the first entry of <c>KUBECONFIG</c>, else <c>~/.kube/config</c> (as kubectl).</summary>
    public static string DefaultKubeconfigPath()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECONFIG")?
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return fromEnvironment ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
    }
}
