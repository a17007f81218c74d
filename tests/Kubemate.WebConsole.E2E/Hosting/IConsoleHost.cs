using Kubemate.Cluster.Connection;

namespace Kubemate.WebConsole.E2E.Hosting;

/// <summary>A running Kubemate web host with the console, on the demo estate.</summary>
public interface IConsoleHost : IAsyncDisposable
{
    Uri Url { get; }

    /// <summary>The host's operating-system process id, for reading its memory.</summary>
    int ProcessId { get; }

    /// <summary>The cluster behind the host, as its administrator: for changes made outside Kubemate.</summary>
    ClusterConnection Admin { get; }

    /// <summary>The host's own log so far, for failure messages.</summary>
    string Log { get; }
}
