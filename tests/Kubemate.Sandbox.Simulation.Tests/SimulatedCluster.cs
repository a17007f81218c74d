using k8s;
using k8s.Models;

namespace Kubemate.Sandbox.Simulation.Tests;

/// <summary>A sandbox API server running the simulation on a free loopback port, reached over HTTP by the tests.</summary>
public sealed class SimulatedCluster : IAsyncDisposable
{
    private SimulatedCluster(SandboxServer server)
    {
        Server = server;
        Client = ClientFor("admin");
    }

    public SandboxServer Server { get; }

    public Kubernetes Client { get; }

    /// <summary>An empty sandbox with fast pod start-up, for controller tests.</summary>
    public static Task<SimulatedCluster> StartEmptyAsync() =>
        StartAsync(new SandboxOptions(), SimulationOptions.Empty with { PodStartDelay = TimeSpan.FromMilliseconds(50), RunToCompletionDuration = TimeSpan.FromMilliseconds(200) });

    public static async Task<SimulatedCluster> StartAsync(SandboxOptions sandbox, SimulationOptions simulation) =>
        new(await SandboxSimulation.StartAsync(sandbox, simulation));

    public Kubernetes ClientFor(string user) => new(new KubernetesClientConfiguration
    {
        Host = Server.Url.ToString(),
        SslCaCerts = [Server.Certificates.Authority],
        AccessToken = Server.Users.Single(u => u.Name == user).Token,
    });

    /// <summary>Creates a namespace with a unique name and returns the name.</summary>
    public async Task<string> NewNamespaceAsync(IDictionary<string, string>? annotations = null)
    {
        var name = "test-" + Guid.NewGuid().ToString("N")[..8];
        await Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name, Annotations = annotations } });
        return name;
    }

    /// <summary>
    /// Deletes, retrying on 409: the sandbox's delete still checks the resourceVersion it read (a real apiserver
    /// does not without a precondition), so a delete can lose a race against a controller's status write.
    /// </summary>
    public async Task DeleteWithRetryAsync(Func<Task> delete)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await delete();
                return;
            }
            catch (k8s.Autorest.HttpOperationException ex) when (ex.Response.StatusCode == System.Net.HttpStatusCode.Conflict && attempt < 10)
            {
                await Task.Delay(20);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
