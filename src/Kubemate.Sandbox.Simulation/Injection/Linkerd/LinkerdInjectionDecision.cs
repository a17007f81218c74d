using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>
/// Whether Linkerd's proxy-injector would mutate a pod, with the reasons it gives when it does not
/// (the sentences of Linkerd's <c>pkg/inject</c> report; the webhook's namespace and object selectors come first).
/// </summary>
internal sealed record LinkerdInjectionDecision(bool Inject, IReadOnlyList<string> Reasons, string? InjectMode, string? EnabledAt)
{
    private static readonly string[] ProxyImagePrefixes = ["cr.l5d.io/linkerd/proxy:", "gcr.io/istio-release/proxyv2:"];
    private static readonly string[] InitImagePrefixes = ["cr.l5d.io/linkerd/proxy-init:", "gcr.io/istio-release/proxy_init:"];
    private static readonly string[] SidecarNames = [LinkerdNames.ProxyContainer, "istio-proxy"];
    private static readonly string[] InitNames = [LinkerdNames.InitContainer, LinkerdNames.NetworkValidatorContainer, "istio-init", LinkerdNames.ProxyContainer, "istio-proxy"];

    public static LinkerdInjectionDecision Evaluate(JsonObject pod, JsonObject? namespaceObject, string namespaceName, LinkerdInjectorConfig config)
    {
        if (WebhookSelectorExclusion(pod, namespaceObject, namespaceName) is { } excluded)
        {
            return new LinkerdInjectionDecision(false, [excluded], null, null);
        }
        var spec = PodJson.Object(pod, "spec");
        if (!PodJson.Containers(spec).Any())
        {
            return new LinkerdInjectionDecision(false, [LinkerdInjectionReasons.NoContainers], null, null);
        }

        var podMode = PodJson.StringMap(pod, "annotations").GetValueOrDefault(LinkerdNames.InjectAnnotation, "");
        var namespaceMode = PodJson.StringMap(namespaceObject, "annotations").GetValueOrDefault(LinkerdNames.InjectAnnotation, "");
        var (disabledReason, enabledAt) = AnnotationDecision(podMode, namespaceMode);

        var reasons = new List<string>();
        if (PodJson.IsTrue(spec, "hostNetwork"))
        {
            reasons.Add(LinkerdInjectionReasons.HostNetworkEnabled);
        }
        if (HasExistingSidecar(spec))
        {
            reasons.Add(LinkerdInjectionReasons.SidecarExists);
        }
        if (disabledReason is not null)
        {
            reasons.Add(disabledReason);
        }
        // With projected identity tokens the proxy does not need the pod's service-account token mount.
        if (!config.ServiceAccountTokenProjection && PodJson.IsFalse(spec, "automountServiceAccountToken"))
        {
            reasons.Add(LinkerdInjectionReasons.AutomountDisabled);
        }
        var mode = podMode.Length > 0 && podMode != LinkerdNames.InjectDisabled ? podMode : namespaceMode;
        return new LinkerdInjectionDecision(reasons.Count == 0, reasons, mode, enabledAt);
    }

    /// <summary>True when any container looks like a mesh proxy or its init container (Linkerd's or Istio's).</summary>
    public static bool HasExistingSidecar(JsonObject? spec) =>
        PodJson.Containers(spec).Any(c => Matches(c, SidecarNames, ProxyImagePrefixes))
        || PodJson.Containers(spec, "initContainers").Any(c => Matches(c, InitNames, InitImagePrefixes));

    private static bool Matches(JsonObject container, string[] names, string[] imagePrefixes)
    {
        var name = PodJson.String(container, "name") ?? "";
        var image = PodJson.String(container, "image") ?? "";
        return names.Contains(name, StringComparer.Ordinal) || imagePrefixes.Any(p => image.StartsWith(p, StringComparison.Ordinal));
    }

    /// <summary>Linkerd's truth table for the inject annotation on pod and namespace (webhook origin).</summary>
    private static (string? DisabledReason, string? EnabledAt) AnnotationDecision(string podMode, string namespaceMode)
    {
        if (!IsValidMode(namespaceMode))
        {
            return (LinkerdInjectionReasons.InvalidAnnotationAtNamespace, null);
        }
        if (!IsValidMode(podMode))
        {
            return (LinkerdInjectionReasons.InvalidAnnotationAtWorkload, null);
        }
        if (namespaceMode is LinkerdNames.InjectEnabled or LinkerdNames.InjectIngress)
        {
            return podMode == LinkerdNames.InjectDisabled ? (LinkerdInjectionReasons.DisableAnnotationPresent, null) : (null, "namespace");
        }
        if (podMode is not (LinkerdNames.InjectEnabled or LinkerdNames.InjectIngress))
        {
            return (LinkerdInjectionReasons.EnableAnnotationAbsent, null);
        }
        return (null, "pod");
    }

    private static bool IsValidMode(string mode) =>
        mode is "" or LinkerdNames.InjectEnabled or LinkerdNames.InjectDisabled or LinkerdNames.InjectIngress;

    /// <summary>Pods the webhook is never called for, because of its namespaceSelector and objectSelector.</summary>
    private static string? WebhookSelectorExclusion(JsonObject pod, JsonObject? namespaceObject, string namespaceName)
    {
        if (LinkerdNames.ExcludedNamespaces.Contains(namespaceName))
        {
            return $"namespace {namespaceName} is excluded by the proxy injector's namespace selector";
        }
        if (PodJson.StringMap(namespaceObject, "labels").GetValueOrDefault(LinkerdNames.AdmissionWebhooksLabel) == "disabled")
        {
            return $"namespace has the label \"{LinkerdNames.AdmissionWebhooksLabel}:disabled\"";
        }
        var podLabels = PodJson.StringMap(pod, "labels");
        foreach (var label in new[] { LinkerdNames.ControlPlaneComponentLabel, LinkerdNames.CniResourceLabel })
        {
            if (podLabels.ContainsKey(label))
            {
                return $"pod has the label \"{label}\", which the proxy injector's object selector excludes";
            }
        }
        return null;
    }
}
