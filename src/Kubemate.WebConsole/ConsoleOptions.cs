namespace Kubemate.WebConsole;

/// <summary>What the host tells the console about the cluster it drives; the same names the REST API reports.</summary>
public sealed record ConsoleOptions
{
    /// <summary>The name recorded in the audit trail (kubeconfig context, "sandbox", "in-cluster").</summary>
    public string? ClusterName { get; init; }

    /// <summary>sandbox, kubeconfig or in-cluster; chooses how the header names the cluster.</summary>
    public string ClusterMode { get; init; } = "sandbox";
}
