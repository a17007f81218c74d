using Kubemate.Cluster.Connection;
using Kubemate.Testing;

namespace Kubemate.WebConsole.E2E.Hosting;

/// <summary>
/// A real <c>kubemate serve</c> process on the embedded sandbox with the demo estate, as a user starts it.
/// Disposing stops it with SIGTERM.
/// </summary>
public sealed class ServeProcess : IConsoleHost
{
    private readonly KubemateProcess _process;

    private ServeProcess(KubemateProcess process, ClusterConnection admin)
    {
        _process = process;
        Admin = admin;
    }

    public Uri Url => _process.Url;

    public int ProcessId => _process.Id;

    public ClusterConnection Admin { get; }

    public string Log => string.Join('\n', _process.Output);

    /// <param name="mesh">The <c>--mesh</c> to serve with (the sandbox's estate then runs that mesh); null keeps the default.</param>
    public static async Task<ServeProcess> StartAsync(string workDirectory, string? mesh = null)
    {
        Directory.CreateDirectory(workDirectory);
        var kubeconfig = Path.Combine(workDirectory, "kubeconfig");
        string[] meshFlag = mesh is null ? [] : ["--mesh", mesh];
        var process = await KubemateProcess.StartAsync(
            ["serve", "--listen", "127.0.0.1:0", "--data-dir", Path.Combine(workDirectory, "data"), "--write-kubeconfig", kubeconfig, .. meshFlag],
            TimeSpan.FromSeconds(120),
            workDirectory);
        return new ServeProcess(process, await ClusterConnection.FromKubeconfigAsync(kubeconfig));
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
