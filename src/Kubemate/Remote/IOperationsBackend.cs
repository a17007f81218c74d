using Kubemate.Application.Onboarding;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;

namespace Kubemate.Remote;

/// <summary>
/// The operations the CLI runs, as it sees them: the same calls against a running <c>kubemate serve</c>
/// (<see cref="ServerBackend"/>) or directly against a cluster (<c>Kubemate.Direct.DirectBackend</c>), answering
/// with the application layer's records in both modes.
/// </summary>
public interface IOperationsBackend : IAsyncDisposable
{
    /// <summary>Where the calls go, for messages (never a secret).</summary>
    string Description { get; }

    Task<OnboardingPlan> PlanMeshAsync(MeshRequest request, CancellationToken cancellationToken);

    /// <summary>Runs the onboarding and streams its events until Completed or Failed.</summary>
    IAsyncEnumerable<OnboardingEvent> RunMeshAsync(MeshRequest request, CancellationToken cancellationToken);

    /// <summary>Dry-runs the YAML stream; nothing changes.</summary>
    Task<PreviewedChanges> PreviewAsync(string yaml, CancellationToken cancellationToken);

    Task<ChangeSetResult> ApplyAsync(PreviewedChanges preview, bool forceConflicts, CancellationToken cancellationToken);

    /// <summary>The change set as the YAML stream a GitOps repository would get; nothing is applied.</summary>
    Task<string> ExportGitOpsAsync(string yaml, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken);

    Task<AuditVerificationReport> VerifyAuditAsync(CancellationToken cancellationToken);
}
