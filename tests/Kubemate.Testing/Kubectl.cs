namespace Kubemate.Testing;

/// <summary>The real kubectl, pointed at a kubeconfig.</summary>
public sealed class Kubectl(string kubeconfig)
{
    public Task<ProcessResult> RunAsync(params string[] arguments) => RunAsync(arguments, null);

    public Task<ProcessResult> RunAsync(string[] arguments, string? stdin, TimeSpan? timeout = null) =>
        ProcessRunner.RunAsync("kubectl", ["--kubeconfig", kubeconfig, .. arguments], stdin, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Runs kubectl and fails the test with its output unless it exits 0.</summary>
    public async Task<string> Ok(params string[] arguments)
    {
        var result = await RunAsync(arguments);
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"kubectl {string.Join(' ', arguments)} failed: {result}");
        }
        return result.StdOut;
    }
}
