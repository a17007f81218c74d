using System.Runtime.CompilerServices;
using Kubemate.Application;
using Kubemate.Application.Changes;
using Kubemate.Application.Meshes;
using Kubemate.Application.Onboarding;
using Kubemate.Audit;
using Kubemate.Audit.Trust;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Http;
using Kubemate.Remote;

namespace Kubemate.Direct;

/// <summary>
/// The operations run in this process against the kubeconfig's cluster, through the same application services
/// the server uses, recording to the local audit store. The cluster is contacted only by commands that need it,
/// so <c>kubemate audit</c> works offline (unless its key and anchors are in the cluster: <c>--audit-trust secret</c>).
/// </summary>
public sealed class DirectBackend(string? kubeconfig, string? context, LocalAuditLocation auditLocation) : IOperationsBackend
{
    private DirectSession? _session;
    private IAuditStore? _audit;
    private ClusterApi? _trustApi;

    public string Description => _session?.Description ?? $"the cluster of {(context is null ? "the current context" : $"context {context}")} in {KubeconfigPath.Resolve(kubeconfig)}";

    public Task<OnboardingPlan> PlanMeshAsync(MeshRequest request, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var onboarding = await OnboardingAsync(request, cancellationToken);
            return await onboarding.PlanAsync(ToOnboarding(request), cancellationToken);
        });

    public async IAsyncEnumerable<OnboardingEvent> RunMeshAsync(MeshRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var onboarding = await GuardAsync(() => OnboardingAsync(request, cancellationToken));
        // RunAsync checks the request before it streams: a bad one throws here, not on the first event.
        var stream = await GuardAsync(() => Task.FromResult(onboarding.RunAsync(ToOnboarding(request), cancellationToken)));
        await using var events = stream.GetAsyncEnumerator(cancellationToken);
        while (await GuardAsync(async () => await events.MoveNextAsync()))
        {
            yield return events.Current;
        }
    }

    public Task<PreviewedChanges> PreviewAsync(string yaml, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var changes = await ChangesAsync(cancellationToken);
            var preview = await changes.PreviewAsync(ChangeSet.FromYaml(yaml), null, cancellationToken);
            return new PreviewedChanges(preview.DryRun, preview);
        });

    public Task<ChangeSetResult> ApplyAsync(PreviewedChanges preview, bool forceConflicts, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (preview.Handle is not ChangePreview local)
            {
                throw new ArgumentException("the preview was not made in this process", nameof(preview));
            }
            var changes = await ChangesAsync(cancellationToken);
            return await changes.ApplyPreviewedAsync(local, forceConflicts, cancellationToken);
        });

    public Task<string> ExportGitOpsAsync(string yaml, CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            var changes = await ChangesAsync(cancellationToken);
            return await changes.ExportGitOpsAsync(ChangeSet.FromYaml(yaml), null, cancellationToken);
        });

    public Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        GuardAsync(async () => await (await AuditAsync(cancellationToken)).QueryAsync(query, cancellationToken));

    /// <summary>Opens the store only to verify: a mistyped <c>--audit</c> fails with "no audit store" and creates nothing.</summary>
    public async Task<AuditVerificationReport> VerifyAuditAsync(CancellationToken cancellationToken)
    {
        IAuditStore store;
        try
        {
            store = await AuditStores.OpenAsync(auditLocation.PostgresConnectionString, auditLocation.SqlitePath,
                auditLocation.Options(verifyOnly: true, await ClusterTrustAsync()), cancellationToken);
        }
        catch (AuditStoreNotFoundException error)
        {
            throw new OperationException(OperationFailure.Failed, $"--audit: {error.Message}", error);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new OperationException(OperationFailure.Failed, $"--audit: cannot open the audit store {auditLocation}: {error.Message}", error);
        }
        await using (store)
        {
            return await store.VerifyAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _session?.Dispose();
        _trustApi?.Dispose();
        if (_audit is not null)
        {
            await _audit.DisposeAsync();
        }
    }

    private async Task<MeshOnboarding> OnboardingAsync(MeshRequest request, CancellationToken cancellationToken)
    {
        var drivers = MeshCatalog.Shipped;
        if (!drivers.IsRegistered(request.Provider))
        {
            throw new OperationException(OperationFailure.Invalid, $"--provider: '{request.Provider}' is not a mesh (one of {string.Join(", ", drivers.Providers.Order(StringComparer.Ordinal))})");
        }
        var session = await SessionAsync(cancellationToken);
        var audit = await AuditAsync(cancellationToken);
        return new MeshOnboarding(session.Api, drivers.Create(request.Provider), audit, Context(session));
    }

    private async Task<ChangeService> ChangesAsync(CancellationToken cancellationToken)
    {
        var session = await SessionAsync(cancellationToken);
        var audit = await AuditAsync(cancellationToken);
        return new ChangeService(session.Api, audit, Context(session));
    }

    private static OperationContext Context(DirectSession session) => new(session.User, "cli", session.Cluster);

    private static OnboardingRequest ToOnboarding(MeshRequest request)
    {
        var onboarding = new OnboardingRequest(request.Namespace, request.Enable) { Workload = request.Workload?.ToString() };
        return request.MaxConcurrency is { } concurrency ? onboarding with { MaxConcurrency = concurrency } : onboarding;
    }

    /// <summary>Opened on first use; always called inside <see cref="GuardAsync{T}"/>, which reports a bad kubeconfig or context as invalid.</summary>
    private async Task<DirectSession> SessionAsync(CancellationToken cancellationToken) =>
        _session ??= await DirectSession.OpenAsync(kubeconfig, context, cancellationToken);

    private async Task<IAuditStore> AuditAsync(CancellationToken cancellationToken)
    {
        if (_audit is null)
        {
            try
            {
                _audit = await AuditStores.OpenAsync(auditLocation.PostgresConnectionString, auditLocation.SqlitePath,
                    auditLocation.Options(verifyOnly: false, await ClusterTrustAsync()), cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException and not OperationException)
            {
                throw new OperationException(OperationFailure.Failed, $"--audit: cannot open the audit store {auditLocation}: {error.Message}", error);
            }
        }
        return _audit;
    }

    /// <summary>With <c>--audit-trust secret</c>: the key and anchors in the kubeconfig's cluster, read and written with the kubeconfig's own credentials.</summary>
    private async Task<IAuditTrust?> ClusterTrustAsync()
    {
        if (auditLocation.ClusterTrustNamespace is not { } ns)
        {
            return null;
        }
        _trustApi ??= (await ClusterConnection.FromKubeconfigAsync(KubeconfigPath.Resolve(kubeconfig), context)).CreateApi();
        return new KubernetesAuditTrust(_trustApi, ns);
    }

    /// <summary>Turns refusals into the CLI's failures: 403 denied, 400/422 and rejected requests invalid, unreachable failed.</summary>
    private async Task<T> GuardAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (ClusterApiException error)
        {
            throw new OperationException(OperationFailures.ForStatus(error.StatusCode), $"{error.Reason}: {error.Message}", error);
        }
        catch (HttpRequestException error)
        {
            throw new OperationException(OperationFailure.Failed, $"{Description} cannot be reached: {error.Message}", error);
        }
        catch (ArgumentException error)
        {
            // The services check requests before any call ("namespace: is required"); nothing was sent.
            throw new OperationException(OperationFailure.Invalid, error.Message.Split(" (Parameter")[0], error);
        }
    }
}
