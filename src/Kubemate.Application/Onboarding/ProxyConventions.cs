using Kubemate.Model.Drivers;

namespace Kubemate.Application.Onboarding;

/// <summary>How one mesh's injected pods look: the proxy container's name, where its version is written, how an opt-out reads.</summary>
internal sealed record ProxyConventions(string ContainerName, string? VersionAnnotation, string OptOut, string OptIn)
{
    public static ProxyConventions For(IMeshDriver driver) => driver.Provider.Split(':')[0] switch
    {
        "linkerd" => new("linkerd-proxy", "linkerd.io/proxy-version", "linkerd.io/inject: disabled", "linkerd.io/inject: enabled"),
        "istio" => new("istio-proxy", null, "sidecar.istio.io/inject: \"false\"", "sidecar.istio.io/inject: \"true\""),
        _ => throw new ArgumentException($"driver: onboarding does not know the proxy of mesh provider \"{driver.Provider}\"", nameof(driver)),
    };
}
