namespace Kubemate.Sandbox.Simulation.Injection.Istio;

/// <summary>Why the Istio sidecar injector leaves a pod alone.</summary>
public static class IstioInjectionReasons
{
    public const string HostNetwork = "pod uses hostNetwork";
    public const string AlreadyInjected = "pod has a sidecar injected already (sidecar.istio.io/status or an istio-proxy container)";
    public const string NoContainers = "pod has no containers";
    public const string PodOptedOut = "pod has the label sidecar.istio.io/inject=false";
    public const string NamespaceDisabled = "namespace has the label istio-injection=disabled";
    public const string NotEnabled = "neither the namespace label istio-injection=enabled (or istio.io/rev) nor the pod label sidecar.istio.io/inject=true is set";

    public static string IgnoredNamespace(string name) => $"namespace {name} is ignored by the sidecar injector";
}
