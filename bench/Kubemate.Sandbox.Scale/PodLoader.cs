using System.Diagnostics;
using k8s;
using k8s.Models;

namespace Kubemate.Sandbox.Scale;

/// <summary>Creates the namespaces and bare pods through the API with bounded parallelism.</summary>
public static class PodLoader
{
    public static async Task<TimeSpan> LoadAsync(Kubernetes client, ScalePods pods, int parallelism, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var ns in pods.NamespaceNames)
        {
            await client.CoreV1.CreateNamespaceAsync(new V1Namespace { ApiVersion = "v1", Kind = "Namespace", Metadata = new V1ObjectMeta { Name = ns } }, cancellationToken: cancellationToken);
        }
        var created = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, pods.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                var pod = pods.Manifest(index);
                await client.CoreV1.CreateNamespacedPodAsync(pod, pod.Metadata.NamespaceProperty, cancellationToken: token);
                var done = Interlocked.Increment(ref created);
                if (done % 1000 == 0)
                {
                    progress.Report(done);
                }
            });
        return stopwatch.Elapsed;
    }
}
