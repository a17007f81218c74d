using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Application.Canary.Traffic;
using Kubemate.Application.Changes;
using Kubemate.Application.Identity;
using Kubemate.Application.Telemetry;
using Kubemate.Audit;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Discovery;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Identity;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Application.Canary.Releases;

/// <summary>
/// Canary releases for one person, for the REST API, the console and the CLI alike: list and read releases (with
/// both versions' golden metrics), propose backends for a Service, preview, apply or export a release, and act on
/// one. Everything goes to the cluster as the person (impersonation), so Kubernetes RBAC on <c>canaryreleases</c>
/// decides; every change goes through <see cref="ChangeService"/> (previewed, all or nothing, audited). A person
/// writes the release (its spec, and an action in its annotation); the leader of <c>CanaryController</c> writes its
/// status and the traffic, so a release runs once whoever asks and wherever.
/// </summary>
public sealed class CanaryReleases(UserClusters clusters, IAuditStore audit, IMeshDriver driver, TelemetryReads telemetry, TimeProvider time)
{
    /// <summary>How long <see cref="ActAsync"/> waits for the controller to take an action before answering Queued.</summary>
    public TimeSpan ActionWait { get; init; } = TimeSpan.FromSeconds(10);

    private readonly ReleaseTraffic _traffic = new(driver);

    /// <summary>The releases the person may list, in one namespace or all; none when the kind is not installed.</summary>
    /// <exception cref="ClusterApiException">Kubernetes refused the list (403 names what the person may not read).</exception>
    public async Task<IReadOnlyList<ReleaseSummary>> ListAsync(UserIdentity user, string? ns, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonObject> objects;
        try
        {
            objects = await clusters.For(user).ListObjectsAsync(CanaryReleaseObject.Type, ns, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        return objects.Select(TryRead).OfType<CanaryReleaseObject>().Select(ReleaseSummary.Of)
            .OrderBy(r => r.Namespace, StringComparer.Ordinal).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>One release with its history and both versions' golden metrics over <paramref name="window"/>; null when there is none.</summary>
    public async Task<ReleaseDetail?> GetAsync(UserIdentity user, string ns, string name, TelemetryWindow window, CancellationToken cancellationToken)
    {
        var release = await ReadAsync(clusters.For(user), ns, name, cancellationToken).ConfigureAwait(false);
        if (release is null)
        {
            return null;
        }
        SplitStat? metrics = null;
        var warnings = new List<string>();
        try
        {
            var split = await telemetry.SplitAsync(user, ns, release.Spec.Service, [release.Spec.Stable, release.Spec.Canary], window, cancellationToken).ConfigureAwait(false);
            metrics = split.Value;
            warnings.AddRange(split.Warnings);
            if (split.Unavailable is { } unavailable)
            {
                warnings.Add(unavailable.Message);
            }
        }
        catch (TelemetryNamespaceForbiddenException error)
        {
            warnings.Add(error.Message);
        }
        return new ReleaseDetail(ReleaseSummary.Of(release), release.Spec, release.Status, metrics, warnings);
    }

    /// <summary>The backends the wizard proposes for a Service (see <see cref="BackendProposals"/>).</summary>
    /// <exception cref="ReleaseNotFoundException">the Service does not exist.</exception>
    public async Task<BackendProposal> ProposeAsync(UserIdentity user, string ns, string service, CancellationToken cancellationToken)
    {
        var api = clusters.For(user);
        var apex = await api.GetObjectOrNullAsync(BuiltInTypes.Service, ns, service, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseNotFoundException($"service: no Service {service} in namespace {ns}");
        var services = await api.ListObjectsAsync(BuiltInTypes.Service, ns, cancellationToken).ConfigureAwait(false);
        var pods = await api.ListObjectsAsync(BuiltInTypes.Pod, ns, cancellationToken).ConfigureAwait(false);
        return BackendProposals.Propose(apex, services, pods);
    }

    /// <summary>Server dry run and diff of the release, and the traffic objects the controller will write when it starts.</summary>
    /// <exception cref="ModelValidationException">the request is invalid (every field named); nothing is sent.</exception>
    public async Task<ReleasePreview> PreviewAsync(OperationContext context, ReleaseRequest request, CancellationToken cancellationToken)
    {
        var manifest = Validated(request);
        var api = clusters.For(context.User);
        var preview = await Changes(context).PreviewAsync(ChangeSet.ApplyAll([manifest]), ct: cancellationToken).ConfigureAwait(false);
        var port = ServicePort(await ServiceOrNullAsync(api, request.Namespace, request.Spec.Service, cancellationToken).ConfigureAwait(false));
        var traffic = port is null ? [] : _traffic.Render(request.Namespace, request.Name, request.Spec, FirstTraffic(request.Spec), port.Value);
        return new ReleasePreview(preview, traffic);
    }

    /// <summary>The Service, or null when it is missing or the person may not read it (the dry run says which).</summary>
    private static async Task<JsonObject?> ServiceOrNullAsync(ClusterApi api, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await api.GetObjectOrNullAsync(BuiltInTypes.Service, ns, name, cancellationToken).ConfigureAwait(false);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.Forbidden)
        {
            return null;
        }
    }

    /// <summary>Applies exactly the previewed release (see <see cref="ChangeService.ApplyPreviewedAsync"/>).</summary>
    public Task<ChangeSetResult> ApplyAsync(OperationContext context, ChangePreview preview, bool force, CancellationToken cancellationToken) =>
        Changes(context).ApplyPreviewedAsync(preview, force, cancellationToken);

    /// <summary>The release as YAML for Git (into <paramref name="directory"/>, or returned); the traffic objects stay the controller's.</summary>
    public Task<string> ExportAsync(OperationContext context, ReleaseRequest request, string? directory, CancellationToken cancellationToken) =>
        Changes(context).ExportGitOpsAsync(ChangeSet.ApplyAll([Validated(request)]), directory, cancellationToken);

    /// <summary>
    /// Sets the manual weight: the release's <c>spec.weight</c>, applied as the person; the controller moves the traffic.
    /// </summary>
    /// <exception cref="ReleaseNotFoundException">no such release.</exception>
    /// <exception cref="ReleaseActionRefusedException">the release is not manual, or not running.</exception>
    /// <exception cref="ModelValidationException">the weight is not a percent.</exception>
    public async Task<ActionOutcome> SetWeightAsync(OperationContext context, string ns, string name, int weight, CancellationToken cancellationToken)
    {
        if (weight is < 0 or > 100)
        {
            throw new ModelValidationException([new ValidationProblem("weight", $"{weight} is not a percent from 0 to 100")]);
        }
        var release = await RequireAsync(context, ns, name, cancellationToken).ConfigureAwait(false);
        if (release.Spec.Mode != ReleaseMode.Manual)
        {
            throw new ReleaseActionRefusedException("set-weight", $"the weight is set by a person in mode manual only; this release is {JsonNamingPolicy.CamelCase.ConvertName(release.Spec.Mode.ToString())}");
        }
        if (release.Status.Phase is not (ReleasePhase.Initialized or ReleasePhase.Progressing))
        {
            throw new ReleaseActionRefusedException("set-weight", $"the weight can be set while the release runs; it is {release.Status.Phase}");
        }
        var change = await Changes(context).ApplyAsync(ChangeSet.ApplyAll([CanaryReleaseObject.Manifest(ns, name, release.Spec with { Weight = weight })]),
            ct: cancellationToken).ConfigureAwait(false);
        if (!Succeeded(change))
        {
            return new ActionOutcome("set-weight", ActionState.Failed, FailureOf(change), change, ReleaseSummary.Of(release));
        }
        var after = await WaitAsync(context, ns, name, r => r.Status.ObservedGeneration > release.Generation, cancellationToken).ConfigureAwait(false);
        return after is null || after.Status.ObservedGeneration <= release.Generation
            ? new ActionOutcome("set-weight", ActionState.Queued, $"the weight is {weight} % in the release; the controller has not moved the traffic yet", change, after is null ? null : ReleaseSummary.Of(after))
            : new ActionOutcome("set-weight", ActionState.Done, $"the canary gets {after.Status.CurrentWeight} %", change, ReleaseSummary.Of(after));
    }

    /// <summary>
    /// Asks the controller for an action (<see cref="PendingAction.Verbs"/>): checked against the release as it is
    /// (refused with the reason, nothing written), written into the release as the person, then awaited.
    /// </summary>
    /// <exception cref="ReleaseNotFoundException">no such release.</exception>
    /// <exception cref="ReleaseActionRefusedException">the action does not apply to the release as it is.</exception>
    /// <exception cref="ModelValidationException">the verb is not an action.</exception>
    public async Task<ActionOutcome> ActAsync(OperationContext context, string ns, string name, string verb, CancellationToken cancellationToken)
    {
        var action = PendingAction.ActionOf(verb)
            ?? throw new ModelValidationException([new ValidationProblem("action", $"'{verb}' is not one of {string.Join(", ", PendingAction.Verbs)}")]);
        var release = await RequireAsync(context, ns, name, cancellationToken).ConfigureAwait(false);
        new ReleaseStateMachine(time).Next(new ReleaseInput
        {
            Spec = release.Spec,
            Generation = release.Generation,
            Status = release.Status,
            CanaryPods = PodHealth.Healthy,
            Action = action,
        });
        var pending = new PendingAction(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), verb, context.User.Name, time.GetUtcNow());
        var change = await Changes(context).ApplyAsync(ChangeSet.ApplyAll([CanaryReleaseObject.Manifest(ns, name, release.Spec, pending)]),
            ct: cancellationToken).ConfigureAwait(false);
        if (!Succeeded(change))
        {
            return new ActionOutcome(verb, ActionState.Failed, FailureOf(change), change, ReleaseSummary.Of(release));
        }
        var after = await WaitAsync(context, ns, name, r => r.Status.LastAction == pending.Id, cancellationToken).ConfigureAwait(false);
        if (after is null || after.Status.LastAction != pending.Id)
        {
            return new ActionOutcome(verb, ActionState.Queued, "written into the release; no controller has taken it yet", change, after is null ? null : ReleaseSummary.Of(after));
        }
        var result = after.Status.LastActionResult ?? "";
        return result.StartsWith("refused", StringComparison.Ordinal)
            ? new ActionOutcome(verb, ActionState.Refused, result, change, ReleaseSummary.Of(after))
            : new ActionOutcome(verb, ActionState.Done, after.Status.Message ?? result, change, ReleaseSummary.Of(after));
    }

    /// <summary>The traffic the controller writes first: the first step, the manual weight, or the A/B match.</summary>
    public static DesiredTraffic FirstTraffic(CanaryReleaseSpec spec) => spec.Mode switch
    {
        ReleaseMode.Progressive when spec.Steps.Count > 0 => new(spec.Steps[0].Weight, false),
        ReleaseMode.Manual => new(spec.ManualWeight, false),
        ReleaseMode.AB => new(0, true),
        _ => new(0, false),
    };

    /// <summary>The port of the Service's first port, which the split routes.</summary>
    public static int? ServicePort(JsonObject? service) =>
        (service?["spec"]?["ports"] as JsonArray)?.OfType<JsonObject>().Select(p => p["port"]?.GetValue<int>()).FirstOrDefault();

    private ChangeService Changes(OperationContext context) => new(clusters.For(context.User), audit, context);

    private static JsonObject Validated(ReleaseRequest request)
    {
        var problems = NameChecks.Dns1123Label(request.Namespace, "namespace")
            .Concat(NameChecks.Dns1123Subdomain(request.Name, "name"))
            .Concat(request.Spec.Validate("spec"))
            .ToList();
        if (problems.Count > 0)
        {
            throw new ModelValidationException(problems);
        }
        return CanaryReleaseObject.Manifest(request.Namespace, request.Name, request.Spec);
    }

    private async Task<CanaryReleaseObject> RequireAsync(OperationContext context, string ns, string name, CancellationToken cancellationToken) =>
        await ReadAsync(clusters.For(context.User), ns, name, cancellationToken).ConfigureAwait(false)
            ?? throw new ReleaseNotFoundException($"no canary release {name} in namespace {ns}");

    private static async Task<CanaryReleaseObject?> ReadAsync(ClusterApi api, string ns, string name, CancellationToken cancellationToken)
    {
        try
        {
            var obj = await api.GetObjectOrNullAsync(CanaryReleaseObject.Type, ns, name, cancellationToken).ConfigureAwait(false);
            return obj is null ? null : TryRead(obj);
        }
        catch (ClusterApiException error) when (error.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<CanaryReleaseObject?> WaitAsync(OperationContext context, string ns, string name, Func<CanaryReleaseObject, bool> done, CancellationToken cancellationToken)
    {
        var api = clusters.For(context.User);
        var until = time.GetUtcNow() + ActionWait;
        CanaryReleaseObject? release;
        do
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken).ConfigureAwait(false);
            release = await ReadAsync(api, ns, name, cancellationToken).ConfigureAwait(false);
        }
        while (release is not null && !done(release) && time.GetUtcNow() < until);
        return release;
    }

    private static CanaryReleaseObject? TryRead(JsonObject obj)
    {
        try
        {
            return CanaryReleaseObject.Read(obj);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool Succeeded(ChangeSetResult result) => result.Succeeded;

    private static string FailureOf(ChangeSetResult result) =>
        string.Join("; ", result.Objects.Where(o => o.Reason is not null).Select(o => o.Reason));
}
