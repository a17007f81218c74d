using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Injection.Istio;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// Reads an Istio control plane installed in the sandbox: installed when the <c>istio-sidecar-injector</c>
/// MutatingWebhookConfiguration exists; hub, tag and revision from the <c>values</c> (JSON) of the
/// <c>istio-sidecar-injector</c> ConfigMap in the webhook's namespace when present.
/// </summary>
public static class IstioInstallation
{
    public const string WebhookConfigurationName = "istio-sidecar-injector";
    private const string WebhookResource = "admissionregistration.k8s.io/mutatingwebhookconfigurations";

    public static IstioInjectorConfig? Read(ObjectStore store)
    {
        var webhook = store.Get(new ObjectKey(WebhookResource, "", WebhookConfigurationName));
        if (webhook is null)
        {
            return null;
        }
        var defaults = new IstioInjectorConfig();
        var ns = (webhook.Object.At("webhooks") as JsonArray ?? []).FirstOrDefault().GetString("clientConfig", "service", "namespace") ?? defaults.IstioNamespace;
        var valuesText = store.Get(new ObjectKey("/configmaps", ns, "istio-sidecar-injector"))?.Object.GetString("data", "values");
        JsonNode? values = null;
        try
        {
            values = string.IsNullOrWhiteSpace(valuesText) ? null : JsonNode.Parse(valuesText);
        }
        catch (System.Text.Json.JsonException)
        {
            // Unreadable values: inject with the defaults, as a freshly installed istiod would.
        }
        return defaults with
        {
            IstioNamespace = ns,
            Hub = values.GetString("global", "hub") ?? defaults.Hub,
            Tag = values.GetString("global", "tag") ?? defaults.Tag,
            Revision = values.GetString("revision") is { Length: > 0 } revision ? revision : defaults.Revision,
        };
    }
}
