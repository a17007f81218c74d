using k8s;
using k8s.Models;

namespace Kubemate.Sandbox.Tests;

/// <summary>A fresh namespace per test, so tests sharing one sandbox never see each other's objects.</summary>
internal static class TestNamespaces
{
    public static async Task<string> CreateUniqueNamespaceAsync(this IKubernetes client, string prefix)
    {
        var name = prefix + Guid.NewGuid().ToString("n")[..10];
        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        return name;
    }
}
