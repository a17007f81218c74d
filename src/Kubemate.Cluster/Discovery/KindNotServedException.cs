namespace Kubemate.Cluster.Discovery;

/// <summary>An object names an apiVersion or kind the cluster does not serve (CRD missing or version retired).</summary>
public sealed class KindNotServedException(string apiVersion, string kind, string message) : Exception(message)
{
    public string ApiVersion { get; } = apiVersion;
    public string Kind { get; } = kind;
}
