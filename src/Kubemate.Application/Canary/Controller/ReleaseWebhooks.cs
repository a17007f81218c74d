using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.Controller;

/// <summary>
/// The release's webhooks: an HTTP POST with a JSON body naming the release, the phase and what happened. Gates
/// (<c>preRollout</c> before the first step, <c>stepGate</c> before each next step or the promotion) must answer
/// 2xx within their timeout or the release holds where it is; <c>postRollout</c> and <c>notification</c> are told and
/// their answers do not matter.
/// </summary>
public sealed class ReleaseWebhooks(HttpClient http)
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Whether every gate of <paramref name="type"/> opened; the first refusal is described in <paramref name="refusal"/>.</summary>
    public async Task<(bool Open, string? Refusal)> GateAsync(CanaryReleaseObject release, WebhookType type, CanaryReleaseStatus status, CancellationToken cancellationToken)
    {
        foreach (var hook in release.Spec.Webhooks.Where(h => h.Type == type))
        {
            var (ok, detail) = await PostAsync(hook, Body(release, type, status, null), cancellationToken).ConfigureAwait(false);
            if (!ok)
            {
                return (false, $"webhook {hook.Name} ({TypeName(type)}) holds the release: {detail}");
            }
        }
        return (true, null);
    }

    /// <summary>Tells the notification webhooks of each transition, and the postRollout ones of a success.</summary>
    public async Task NotifyAsync(CanaryReleaseObject release, CanaryReleaseStatus status, IReadOnlyList<ReleaseTransition> transitions, CancellationToken cancellationToken)
    {
        foreach (var transition in transitions)
        {
            foreach (var hook in release.Spec.Webhooks.Where(h => h.Type == WebhookType.Notification
                || (h.Type == WebhookType.PostRollout && transition.To == ReleasePhase.Succeeded && transition.From != ReleasePhase.Succeeded)))
            {
                await PostAsync(hook, Body(release, hook.Type, status, transition), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<(bool Ok, string Detail)> PostAsync(CanaryWebhook hook, JsonObject body, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DurationChecks.TryParse(hook.Timeout, out var limit) ? limit : DefaultTimeout);
        try
        {
            using var response = await http.PostAsJsonAsync(hook.Url, body, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? (true, "") : (false, $"{(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, "no answer within the timeout");
        }
        catch (HttpRequestException error)
        {
            return (false, error.Message);
        }
    }

    private static JsonObject Body(CanaryReleaseObject release, WebhookType type, CanaryReleaseStatus status, ReleaseTransition? transition) => new()
    {
        ["type"] = TypeName(type),
        ["namespace"] = release.Namespace,
        ["name"] = release.Name,
        ["service"] = release.Spec.Service,
        ["stable"] = release.Spec.Stable,
        ["canary"] = release.Spec.Canary,
        ["phase"] = status.Phase.ToString(),
        ["weight"] = status.CurrentWeight,
        ["step"] = status.CurrentStep,
        ["attempt"] = status.Attempt,
        ["reason"] = transition?.Reason,
        ["message"] = transition?.Message ?? status.Message,
    };

    private static string TypeName(WebhookType type) => type switch
    {
        WebhookType.PreRollout => "preRollout",
        WebhookType.StepGate => "stepGate",
        WebhookType.PostRollout => "postRollout",
        _ => "notification",
    };
}
