namespace Kubemate.Drivers.Linkerd.Traffic;

/// <summary>The resource a Linkerd estate splits traffic with.</summary>
public enum SplitApi
{
    /// <summary>Gateway API HTTPRoute with a Service parent (Linkerd 2.14+).</summary>
    GatewayApi,

    /// <summary>SMI TrafficSplit v1alpha2 (linkerd-smi), integer weights.</summary>
    SmiV1Alpha2,

    /// <summary>SMI TrafficSplit v1alpha1, weights as quantities (<c>"90"</c>, <c>500m</c>).</summary>
    SmiV1Alpha1,
}

internal static class SplitApiNames
{
    public static string HintValue(SplitApi api) => api switch
    {
        SplitApi.SmiV1Alpha2 => "smi-v1alpha2",
        SplitApi.SmiV1Alpha1 => "smi-v1alpha1",
        _ => "gateway-api",
    };

    public static SplitApi? FromHint(string? value) => value switch
    {
        "smi-v1alpha2" => SplitApi.SmiV1Alpha2,
        "smi-v1alpha1" => SplitApi.SmiV1Alpha1,
        "gateway-api" => SplitApi.GatewayApi,
        _ => null,
    };
}
