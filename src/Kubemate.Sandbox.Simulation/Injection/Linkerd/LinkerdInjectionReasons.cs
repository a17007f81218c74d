namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>Why the proxy-injector leaves a pod alone, in the words of Linkerd's <c>pkg/inject</c> report.</summary>
public static class LinkerdInjectionReasons
{
    public const string HostNetworkEnabled = "hostNetwork is enabled";
    public const string SidecarExists = "pod has a sidecar injected already";
    public const string AutomountDisabled = "automountServiceAccountToken set to \"false\"";

    /// <summary>Not one of Linkerd's sentences: a pod without containers never reaches its injector.</summary>
    public const string NoContainers = "pod has no containers";

    public static readonly string EnableAnnotationAbsent =
        $"neither the namespace nor the pod have the annotation \"{LinkerdNames.InjectAnnotation}:{LinkerdNames.InjectEnabled}\"";

    public static readonly string DisableAnnotationPresent =
        $"pod has the annotation \"{LinkerdNames.InjectAnnotation}:{LinkerdNames.InjectDisabled}\"";

    public static readonly string InvalidAnnotationAtWorkload = $"invalid value for annotation \"{LinkerdNames.InjectAnnotation}\" at workload";

    public static readonly string InvalidAnnotationAtNamespace = $"invalid value for annotation \"{LinkerdNames.InjectAnnotation}\" at namespace";
}
