using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Injection.Istio;

/// <summary>
/// Whether istiod's sidecar injector would mutate a pod: its webhook selectors (namespace <c>istio-injection</c> /
/// <c>istio.io/rev</c> labels, the pod's <c>sidecar.istio.io/inject</c> label) and its own checks.
/// </summary>
internal static class IstioInjectionDecision
{
    public static (bool Inject, IReadOnlyList<string> Reasons, string EnabledBy) Evaluate(
        JsonObject pod, JsonObject? namespaceObject, string namespaceName, IstioInjectorConfig config)
    {
        if (IstioNames.IgnoredNamespaces.Contains(namespaceName))
        {
            return Skip(IstioInjectionReasons.IgnoredNamespace(namespaceName));
        }
        var spec = PodJson.Object(pod, "spec");
        if (!PodJson.Containers(spec).Any())
        {
            return Skip(IstioInjectionReasons.NoContainers);
        }

        var podSwitch = PodJson.StringMap(pod, "labels").GetValueOrDefault(IstioNames.InjectLabel)
            ?? PodJson.StringMap(pod, "annotations").GetValueOrDefault(IstioNames.InjectLabel);
        var namespaceLabels = PodJson.StringMap(namespaceObject, "labels");
        var namespaceSwitch = namespaceLabels.GetValueOrDefault(IstioNames.NamespaceInjectionLabel);
        var namespaceRevision = namespaceLabels.GetValueOrDefault(IstioNames.RevisionLabel);

        string enabledBy;
        if (namespaceSwitch == "disabled")
        {
            return Skip(IstioInjectionReasons.NamespaceDisabled);
        }
        if (podSwitch == "false")
        {
            return Skip(IstioInjectionReasons.PodOptedOut);
        }
        if (namespaceSwitch == "enabled")
        {
            enabledBy = "namespace label istio-injection=enabled";
        }
        else if (namespaceRevision is not null)
        {
            if (namespaceRevision != config.Revision)
            {
                return Skip($"namespace label istio.io/rev={namespaceRevision} selects another control-plane revision than {config.Revision}");
            }
            enabledBy = $"namespace label istio.io/rev={namespaceRevision}";
        }
        else if (podSwitch == "true")
        {
            enabledBy = "pod label sidecar.istio.io/inject=true";
        }
        else
        {
            return Skip(IstioInjectionReasons.NotEnabled);
        }

        if (PodJson.IsTrue(spec, "hostNetwork"))
        {
            return Skip(IstioInjectionReasons.HostNetwork);
        }
        if (PodJson.StringMap(pod, "annotations").ContainsKey(IstioNames.StatusAnnotation)
            || PodJson.Containers(spec).Concat(PodJson.Containers(spec, "initContainers")).Any(c => PodJson.String(c, "name") == IstioNames.ProxyContainer))
        {
            return Skip(IstioInjectionReasons.AlreadyInjected);
        }
        return (true, [enabledBy], enabledBy);
    }

    private static (bool, IReadOnlyList<string>, string) Skip(string reason) => (false, [reason], "");
}
