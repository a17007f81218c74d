using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Analysis;
using Kubemate.Application.Canary.Releases;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Application.Canary.Traffic;
using Kubemate.Application.Changes;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.Http;
using Kubemate.Cluster.Objects;
using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.Controller;

/// <summary>
/// One evaluation of one release by the leader: read the canary pods and, when a check is due, both versions'
/// metrics; take a pending action; run the state machine (asking the gate webhooks before it moves forward on its
/// own); write the status (conditional on the version read, so a concurrent change wins and is seen next round);
/// then make the traffic objects match, through the audited change path, only when they differ; Events and
/// notifications last.
/// </summary>
internal sealed class ReleaseReconciler(
    ClusterApi api,
    ChangeService changes,
    ReleaseTraffic traffic,
    IReleaseMetrics metrics,
    ReleaseWebhooks webhooks,
    TimeProvider time)
{
    private static readonly HashSet<string> ForwardReasons = ["Started", "StepAdvanced", "StepsCompleted", "StepApprovalRequired", "PromotionApprovalRequired"];

    private static readonly TimeSpan MaxWindow = TimeSpan.FromHours(1);

    private readonly ReleaseStateMachine _machine = new(time);

    public async Task ReconcileAsync(CanaryReleaseObject release, ControllerRound round, CancellationToken cancellationToken)
    {
        var spec = release.Spec;
        var apex = await round.ServiceAsync(release.Namespace, spec.Service, cancellationToken).ConfigureAwait(false);
        var port = CanaryReleases.ServicePort(apex);
        if (apex is null || port is null)
        {
            await HoldAsync(release, $"the Service {spec.Service} {(apex is null ? "does not exist" : "has no port")}: nothing is split", cancellationToken).ConfigureAwait(false);
            return;
        }
        var pods = await CanaryPodsAsync(release, round, cancellationToken).ConfigureAwait(false);
        var input = new ReleaseInput
        {
            Spec = spec,
            Generation = release.Generation,
            Status = release.Status,
            CanaryPods = pods,
            Check = await CheckAsync(release, cancellationToken).ConfigureAwait(false),
        };
        ReleaseDecision decision;
        try
        {
            decision = await DecideAsync(release, input, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelValidationException invalid)
        {
            await HoldAsync(release, $"the spec is invalid: {invalid.Message}", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (decision.Status != release.Status && !await WriteStatusAsync(release, decision.Status, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        await ApplyTrafficAsync(release, decision.Traffic, port.Value, round, cancellationToken).ConfigureAwait(false);
        if (decision.Transitions.Count > 0)
        {
            await ReleaseEvents.RecordAsync(api, release, decision.Transitions, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            await webhooks.NotifyAsync(release, decision.Status, decision.Transitions, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ReleaseDecision> DecideAsync(CanaryReleaseObject release, ReleaseInput input, CancellationToken cancellationToken)
    {
        var pending = release.PendingAction is { } p && p.Id != release.Status.LastAction ? p : null;
        if (pending is not null)
        {
            try
            {
                var taken = _machine.Next(input with { Action = pending.Action });
                return taken with { Status = taken.Status with { LastAction = pending.Id, LastActionResult = $"done: {pending.Verb} by {pending.User}" } };
            }
            catch (ReleaseActionRefusedException refused)
            {
                var unchanged = _machine.Next(input);
                return unchanged with { Status = unchanged.Status with { LastAction = pending.Id, LastActionResult = $"refused: {refused.Reason}" } };
            }
        }
        var decision = _machine.Next(input);
        if (!decision.Transitions.Any(t => ForwardReasons.Contains(t.Reason)))
        {
            return decision;
        }
        var gate = release.Status.Phase == ReleasePhase.Initialized ? WebhookType.PreRollout : WebhookType.StepGate;
        var (open, refusal) = await webhooks.GateAsync(release, gate, release.Status, cancellationToken).ConfigureAwait(false);
        if (open)
        {
            return decision;
        }
        var held = _machine.Next(input with { GatesOpen = false });
        return held with { Status = held.Status with { Message = refusal } };
    }

    private async Task<PodHealth> CanaryPodsAsync(CanaryReleaseObject release, ControllerRound round, CancellationToken cancellationToken)
    {
        var service = await round.ServiceAsync(release.Namespace, release.Spec.Canary, cancellationToken).ConfigureAwait(false);
        if (service?["spec"]?["selector"] is not JsonObject { Count: > 0 } selector)
        {
            return new PodHealth(PodHealthKind.NotReady, service is null
                ? $"the canary Service {release.Spec.Canary} does not exist"
                : $"the canary Service {release.Spec.Canary} has no selector");
        }
        var labels = selector.Where(l => l.Value is JsonValue).ToDictionary(l => l.Key, l => l.Value!.GetValue<string>(), StringComparer.Ordinal);
        var pods = await round.PodsAsync(release.Namespace, labels, cancellationToken).ConfigureAwait(false);
        return PodHealthCheck.Judge(pods.Where(p => p["metadata"]?["deletionTimestamp"] is null).Select(CanaryPodOf).ToList());
    }

    private static CanaryPod CanaryPodOf(JsonObject pod)
    {
        var statuses = (pod["status"]?["containerStatuses"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var ready = (pod["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>()
            .Any(c => c["type"]?.GetValue<string>() == "Ready" && c["status"]?.GetValue<string>() == "True");
        var waiting = statuses.Select(s => s["state"]?["waiting"]?["reason"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
        var restarts = statuses.Sum(s => s["restartCount"]?.GetValue<int>() ?? 0);
        return new CanaryPod(pod["metadata"]?["name"]?.GetValue<string>() ?? "", ready, waiting, restarts);
    }

    private async Task<AnalysisCheck?> CheckAsync(CanaryReleaseObject release, CancellationToken cancellationToken)
    {
        if (release.Spec.Analysis is not { } analysis || !_machine.CheckDue(release.Spec, release.Status)
            || !DurationChecks.TryParse(analysis.Window, out var window))
        {
            return null;
        }
        var spec = release.Spec;
        var values = await metrics.ReadAsync(release.Namespace, spec.Service, spec.Stable, spec.Canary, window, cancellationToken).ConfigureAwait(false);
        var stepAge = time.GetUtcNow() - (release.Status.StepStartedAt ?? time.GetUtcNow());
        if (values is var (_, few) && few.Responses < analysis.MinRequests && stepAge > window)
        {
            // Too quiet for the window: every request since the step began went to this weight, so judge them all
            // rather than hold a healthy canary at low traffic for ever.
            window = stepAge < MaxWindow ? stepAge : MaxWindow;
            values = await metrics.ReadAsync(release.Namespace, spec.Service, spec.Stable, spec.Canary, window, cancellationToken).ConfigureAwait(false);
        }
        if (values is not var (stable, canary))
        {
            return null;
        }
        var weight = spec.Mode == ReleaseMode.AB ? (int?)null : release.Status.CurrentWeight;
        return CanaryAnalysis.Check(time.GetUtcNow(), window, release.Status.CurrentStep, weight, stable, canary, analysis);
    }

    /// <summary>Writes only the message (an invalid spec, a missing Service): the release waits until it is mended.</summary>
    private async Task HoldAsync(CanaryReleaseObject release, string message, CancellationToken cancellationToken)
    {
        if (release.Status.Message != message)
        {
            await WriteStatusAsync(release, release.Status with { Message = message }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>False when the release changed since it was read (someone acted, or the spec changed): the next round sees it.</summary>
    private async Task<bool> WriteStatusAsync(CanaryReleaseObject release, CanaryReleaseStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await api.ReplaceStatusAsync(CanaryReleaseObject.Type, release.Namespace, release.Name, release.StatusUpdate(status), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ClusterApiException error) when (error.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private async Task ApplyTrafficAsync(CanaryReleaseObject release, DesiredTraffic desired, int port, ControllerRound round, CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonObject> wanted;
        try
        {
            wanted = traffic.Render(release.Namespace, release.Name, release.Spec, desired, port);
        }
        catch (ModelValidationException invalid)
        {
            await HoldAsync(release, $"the mesh cannot express this split: {invalid.Message}", cancellationToken).ConfigureAwait(false);
            return;
        }
        var changeList = new List<Change>();
        foreach (var obj in wanted)
        {
            var type = await round.TypeAsync(obj["apiVersion"]!.GetValue<string>(), obj["kind"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
            var live = await round.OwnedAsync(type, release.Namespace, obj["metadata"]!["name"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
            if (live is null || !AppliedFields.Holds(live["spec"], obj["spec"]) || !AppliedFields.Holds(live["metadata"]?["labels"], obj["metadata"]?["labels"]))
            {
                changeList.Add(Change.Apply(obj));
            }
        }
        foreach (var stale in await StaleAsync(release, wanted, round, cancellationToken).ConfigureAwait(false))
        {
            changeList.Add(Change.Delete(stale));
        }
        if (changeList.Count > 0)
        {
            await changes.ApplyAsync(new ChangeSet(changeList), new ApplyOptions { Force = true }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The A/B route of a release whose match has ended (promoted, rolled back): removed, so the weights alone decide.</summary>
    private static async Task<IReadOnlyList<JsonObject>> StaleAsync(CanaryReleaseObject release, IReadOnlyList<JsonObject> wanted, ControllerRound round, CancellationToken cancellationToken)
    {
        var abName = release.Name + ReleaseTraffic.AbSuffix;
        if (release.Spec.Mode != ReleaseMode.AB || wanted.Any(o => o["metadata"]?["name"]?.GetValue<string>() == abName) || wanted.Count == 0)
        {
            return [];
        }
        var first = wanted[0];
        var type = await round.TypeAsync(first["apiVersion"]!.GetValue<string>(), first["kind"]!.GetValue<string>(), cancellationToken).ConfigureAwait(false);
        var live = await round.OwnedAsync(type, release.Namespace, abName, cancellationToken).ConfigureAwait(false);
        return live is null ? [] : [live];
    }
}
