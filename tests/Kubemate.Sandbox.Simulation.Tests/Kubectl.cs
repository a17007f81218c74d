using Kubemate.Sandbox;

namespace Kubemate.Sandbox.Simulation.Tests;

/// <summary>The real kubectl against an in-process sandbox, through the kubeconfig the server writes.</summary>
public sealed class Kubectl(string kubeconfigPath) : IDisposable
{
    private readonly Testing.Kubectl _kubectl = new(kubeconfigPath);

    public static Kubectl For(SandboxServer server)
    {
        var path = Path.Combine(Path.GetTempPath(), $"kubemate-sim-{Guid.NewGuid():N}.kubeconfig");
        server.WriteKubeconfig(path);
        return new Kubectl(path);
    }

    /// <summary>Runs kubectl; fails the test with its output when it exits non-zero.</summary>
    public Task<string> Run(params string[] arguments) => _kubectl.Ok(arguments);

    public async Task<(int ExitCode, string Output)> TryRun(params string[] arguments)
    {
        var result = await _kubectl.RunAsync(arguments, null, TimeSpan.FromMinutes(2));
        return (result.ExitCode, result.StdOut + result.StdErr);
    }

    public void Dispose() => File.Delete(kubeconfigPath);
}
