using k8s;
using k8s.Models;
using Kubemate.Testing;

namespace Kubemate.Tests.Sandbox;

/// <summary>`--data-dir`: a SIGKILL in the middle of a stream of writes loses no acknowledged write.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Every_acknowledged_write_survives_a_sigkill_and_resource_versions_continue()
    {
        var work = Path.Combine(Path.GetTempPath(), "kubemate-tests", Guid.NewGuid().ToString("n"));
        var dataDir = Path.Combine(work, "data");
        var acknowledged = new List<(string Name, string ResourceVersion)>();
        await using (var sandbox = await SandboxProcess.StartAsync(work, "--empty", "--data-dir", dataDir))
        {
            using var client = await ClientFor(sandbox);
            using var stop = new CancellationTokenSource();
            var writer = Task.Run(async () =>
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    try
                    {
                        var created = await client.CoreV1.CreateNamespacedConfigMapAsync(
                            new V1ConfigMap { Metadata = new V1ObjectMeta { Name = $"write-{i:D5}" }, Data = new Dictionary<string, string> { ["i"] = $"{i}" } },
                            "default");
                        lock (acknowledged)
                        {
                            acknowledged.Add((created.Metadata.Name, created.Metadata.ResourceVersion));
                        }
                    }
                    catch (Exception) when (stop.IsCancellationRequested || i > 0)
                    {
                        return; // the server died under us: this write was never acknowledged
                    }
                }
            });
            await Eventually.Until(() => Task.FromResult(acknowledged.Count), n => n >= 150, what: "150 acknowledged writes");
            sandbox.Kill();
            await stop.CancelAsync();
            await writer;
        }

        Assert.True(acknowledged.Count >= 150);
        await using var restarted = await SandboxProcess.StartAsync(work, "--empty", "--data-dir", dataDir);
        using var again = await ClientFor(restarted);
        var stored = (await again.CoreV1.ListNamespacedConfigMapAsync("default")).Items.ToDictionary(c => c.Metadata.Name);
        foreach (var (name, resourceVersion) in acknowledged)
        {
            Assert.True(stored.ContainsKey(name), $"acknowledged write {name} was lost");
            Assert.Equal(resourceVersion, stored[name].Metadata.ResourceVersion);
        }
        var next = await again.CoreV1.CreateNamespacedConfigMapAsync(new V1ConfigMap { Metadata = new V1ObjectMeta { Name = "after-restart" } }, "default");
        Assert.True(long.Parse(next.Metadata.ResourceVersion) > acknowledged.Max(a => long.Parse(a.ResourceVersion)));
    }

    private static async Task<Kubernetes> ClientFor(SandboxProcess sandbox) =>
        new(await KubernetesClientConfiguration.BuildConfigFromConfigFileAsync(new FileInfo(sandbox.Kubeconfig)));
}
