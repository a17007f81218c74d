namespace Kubemate.Application.Canary.Controller;

/// <summary>How the canary controller runs: its round, its lease, and who it is.</summary>
public sealed record CanaryControllerOptions
{
    /// <summary>Time between rounds. Checks run at each release's own interval; a round only looks.</summary>
    public TimeSpan Round { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a lease unrenewed lets another replica take over (Kubernetes' controllers use 15 s).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(15);

    public string LeaseNamespace { get; init; } = "kube-system";

    public string LeaseName { get; init; } = "kubemate-canary-controller";

    /// <summary>This replica's name in the lease: the host name and a random part, so two processes on one host differ.</summary>
    public string Identity { get; init; } = $"{Environment.MachineName}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}";

    /// <summary>The user the controller's changes are audited as.</summary>
    public const string AuditUser = "system:kubemate:canary-controller";
}
