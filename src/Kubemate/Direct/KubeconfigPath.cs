using Kubemate.Cluster.Connection;

namespace Kubemate.Direct;

/// <summary>Which kubeconfig a direct command reads: the flag, else the first entry of <c>KUBECONFIG</c>, else <c>~/.kube/config</c> (as kubectl).</summary>
public static class KubeconfigPath
{
    public static string Resolve(string? flag) => string.IsNullOrEmpty(flag) ? ClusterConnection.DefaultKubeconfigPath() : flag;
}
