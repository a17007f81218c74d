using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Application.Canary.Resource;

/// <summary>Webhooks: unique DNS-label names, absolute http or https URLs, timeouts as durations.</summary>
internal static class WebhookValidation
{
    public static IEnumerable<ValidationProblem> Problems(ValueList<CanaryWebhook> webhooks, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < webhooks.Count; i++)
        {
            var hook = FieldPath.Index(path, i);
            var webhook = webhooks[i];
            foreach (var problem in NameChecks.Dns1123Label(webhook.Name, FieldPath.Child(hook, "name")))
            {
                yield return problem;
            }
            if (!string.IsNullOrEmpty(webhook.Name) && !seen.Add(webhook.Name))
            {
                yield return new(FieldPath.Child(hook, "name"), $"'{webhook.Name}' names an earlier webhook too");
            }
            if (!Uri.TryCreate(webhook.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                yield return new(FieldPath.Child(hook, "url"), $"'{webhook.Url}' is not an absolute http or https URL");
            }
            foreach (var problem in DurationChecks.OptionalDuration(webhook.Timeout, FieldPath.Child(hook, "timeout")))
            {
                yield return problem;
            }
        }
    }
}
