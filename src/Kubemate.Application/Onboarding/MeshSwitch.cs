using Kubemate.Application.Identity;
using Kubemate.Application.Namespaces;
using Kubemate.Application.Runs;
using Kubemate.Audit;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;

namespace Kubemate.Application.Onboarding;

/// <summary>
/// The mesh switch of a namespace or one workload, for every surface: preview it, export it for GitOps, or start
/// it as a background run in the <see cref="OperationRegistry"/>, which goes on whoever started it and whoever
/// watches. Every cluster call is the user's (impersonated); every preview, export and run is audited.
/// </summary>
public sealed class MeshSwitch(UserClusters clusters, IMeshDriver driver, IAuditStore audit, OperationRegistry registry, TimeProvider time)
{
    /// <summary>The dry run: which workloads would restart and which are skipped, and the injection change's diff.</summary>
    /// <exception cref="ClusterApiException">the cluster refused (403), or the namespace or workload does not exist (404).</exception>
    /// <exception cref="ArgumentException">the request is invalid; the message names the field.</exception>
    /// <exception cref="NamespaceNotFoundException">the namespace does not exist.</exception>
    public async Task<OnboardingPlan> PlanAsync(OperationContext context, OnboardingRequest request, CancellationToken cancellationToken)
    {
        await RequireNamespaceAsync(context, request.Namespace, cancellationToken).ConfigureAwait(false);
        return await Onboarding(context).PlanAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GitOps mode: the injection change as YAML for a repository; nothing is applied.</summary>
    public Task<OnboardingExport> ExportGitOpsAsync(OperationContext context, OnboardingRequest request, CancellationToken cancellationToken) =>
        Onboarding(context).ExportGitOpsAsync(request, cancellationToken);

    /// <summary>
    /// Checks the switch as the user (a refusal is this call's exception, and audited), then starts the run in the
    /// background and returns it at once; its events are read from the run.
    /// </summary>
    /// <exception cref="ClusterApiException">the cluster refused (403), or the namespace or workload does not exist (404).</exception>
    /// <exception cref="ArgumentException">the request is invalid; the message names the field.</exception>
    /// <exception cref="NamespaceNotFoundException">the namespace does not exist.</exception>
    public async Task<OperationRun> StartAsync(OperationContext context, OnboardingRequest request, CancellationToken cancellationToken)
    {
        await RequireNamespaceAsync(context, request.Namespace, cancellationToken).ConfigureAwait(false);
        var onboarding = Onboarding(context);
        var plan = await onboarding.PlanRunAsync(request, cancellationToken).ConfigureAwait(false);
        return registry.Start(context.User.Name, plan, stop => onboarding.RunAsync(request, stop));
    }

    /// <summary>The runs, going or kept, in the given namespaces (those the reader may see), newest first.</summary>
    public IReadOnlyList<OperationRun> RunsIn(IReadOnlySet<string> namespaces) =>
        registry.All().Where(r => namespaces.Contains(r.Namespace)).OrderByDescending(r => r.Started).ToList();

    private async Task RequireNamespaceAsync(OperationContext context, string ns, CancellationToken cancellationToken)
    {
        if (!await NamespaceNames.ExistsAsync(clusters.For(context.User), ns, cancellationToken).ConfigureAwait(false))
        {
            throw new NamespaceNotFoundException(ns);
        }
    }

    private MeshOnboarding Onboarding(OperationContext context) => new(clusters.For(context.User), driver, audit, context, time);
}
