using Kubemate.Testing;

namespace Kubemate.Tests.Sandbox;

/// <summary>One `kubemate sandbox` process with the demo estate, shared by the kubectl tests of a class.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "kubemate-tests", Guid.NewGuid().ToString("n"));

    public SandboxProcess Sandbox { get; private set; } = null!;

    public Kubectl Kubectl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Sandbox = await SandboxProcess.StartAsync(_directory);
        Kubectl = new Kubectl(Sandbox.Kubeconfig);
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
