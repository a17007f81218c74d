using System.Diagnostics;
using System.Globalization;
using k8s;

namespace Kubemate.Sandbox.Scale;

/// <summary>The official C# client's view of a sandbox, through the kubeconfig the sandbox wrote.</summary>
public sealed class SandboxCluster : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);
    private readonly KubernetesClientConfiguration _configuration;

    private SandboxCluster(KubernetesClientConfiguration configuration)
    {
        _configuration = configuration;
        Client = new Kubernetes(configuration);
    }

    public Kubernetes Client { get; }

    public static async Task<SandboxCluster> ConnectAsync(string kubeconfig) =>
        new(await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(kubeconfig)));

    /// <summary>A client with its own connections, as a separate process (a controller, a console) would have.</summary>
    public Kubernetes NewClient() => new(_configuration);

    /// <summary>The store's current revision: every write in the sandbox moves it.</summary>
    public async Task<long> RevisionAsync(CancellationToken cancellationToken)
    {
        var list = await Client.CoreV1.ListNamespaceAsync(limit: 1, cancellationToken: cancellationToken);
        return long.Parse(list.Metadata.ResourceVersion, CultureInfo.InvariantCulture);
    }

    /// <summary>How many pods match <paramref name="fieldSelector"/> across all namespaces.</summary>
    public async Task<long> CountPodsAsync(string? fieldSelector, CancellationToken cancellationToken)
    {
        var list = await Client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: fieldSelector, limit: 1, cancellationToken: cancellationToken);
        return list.Items.Count + (list.Metadata.RemainingItemCount ?? 0);
    }

    /// <summary>
    /// Waits until no pod is Pending and the store has seen no write for <paramref name="quiet"/>: the controllers
    /// have nothing left to do.
    /// </summary>
    /// <exception cref="TimeoutException">the sandbox did not settle before <paramref name="deadline"/>.</exception>
    public async Task<TimeSpan> WaitUntilIdleAsync(TimeSpan quiet, TimeSpan deadline, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var lastRevision = -1L;
        var pending = 0L;
        var quietSince = Stopwatch.StartNew();
        var lastReport = Stopwatch.StartNew();
        while (started.Elapsed < deadline)
        {
            pending = await CountPodsAsync("status.phase=Pending", cancellationToken);
            var revision = await RevisionAsync(cancellationToken);
            if (lastReport.Elapsed >= ReportInterval)
            {
                progress.Report($"waiting for idle: {pending} pods Pending, revision {revision} (+{revision - lastRevision} in the last poll)");
                lastReport.Restart();
            }
            if (pending > 0 || revision != lastRevision)
            {
                lastRevision = revision;
                quietSince.Restart();
            }
            else if (quietSince.Elapsed >= quiet)
            {
                return started.Elapsed;
            }
            await Task.Delay(PollInterval, cancellationToken);
        }
        throw new TimeoutException($"the sandbox did not become idle (no Pending pod, no write for {quiet.TotalSeconds:0} s) within {deadline.TotalSeconds:0} s: {pending} pods Pending, revision {lastRevision}");
    }

    public void Dispose() => Client.Dispose();
}
