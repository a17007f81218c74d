namespace Kubemate.Testing;

/// <summary>
/// A real <c>kubemate sandbox</c> process, as a user starts it, with its kubeconfig. Tests talk to it over HTTP
/// with kubectl or the official client. Disposing stops it; <see cref="Kill"/> simulates a crash.
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly KubemateProcess _process;

    private SandboxProcess(KubemateProcess process, string kubeconfig)
    {
        _process = process;
        Kubeconfig = kubeconfig;
    }

    public string Kubeconfig { get; }
    public Uri Url => _process.Url;
    public IReadOnlyList<string> Output => _process.Output;

    /// <param name="arguments">Extra arguments after <c>sandbox</c> (e.g. <c>--empty</c>, <c>--data-dir DIR</c>).</param>
    public static async Task<SandboxProcess> StartAsync(string workDirectory, params string[] arguments)
    {
        Directory.CreateDirectory(workDirectory);
        var kubeconfig = Path.Combine(workDirectory, "kubeconfig");
        var process = await KubemateProcess.StartAsync(
            new[] { "sandbox", "--listen", "127.0.0.1:0", "--write-kubeconfig", kubeconfig }.Concat(arguments), TimeSpan.FromSeconds(90));
        return new SandboxProcess(process, kubeconfig);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or OOM kill.</summary>
    public void Kill() => _process.Kill();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
