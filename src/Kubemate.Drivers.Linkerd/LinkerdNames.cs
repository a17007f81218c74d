namespace Kubemate.Drivers.Linkerd;

/// <summary>The API groups, versions, kinds and annotations of Linkerd (2.16+) that the driver reads and writes.</summary>
internal static class LinkerdNames
{
    public const string Family = "linkerd";

    public const string PolicyGroup = "policy.linkerd.io";
    public const string PolicyV1Alpha1 = "policy.linkerd.io/v1alpha1";
    public const string PolicyV1Beta1 = "policy.linkerd.io/v1beta1";
    public const string PolicyV1Beta3 = "policy.linkerd.io/v1beta3";

    public const string GatewayGroup = "gateway.networking.k8s.io";
    public const string GatewayV1 = "gateway.networking.k8s.io/v1";

    public const string SmiGroup = "split.smi-spec.io";

    public const string Inject = "linkerd.io/inject";
    public const string DefaultInboundPolicy = "config.linkerd.io/default-inbound-policy";
    public const string SkipOutboundPorts = "config.linkerd.io/skip-outbound-ports";
    public const string SkipInboundPorts = "config.linkerd.io/skip-inbound-ports";
    public const string OpaquePorts = "config.linkerd.io/opaque-ports";

    public const string RetryHttp = "retry.linkerd.io/http";
    public const string RetryGrpc = "retry.linkerd.io/grpc";
    public const string RetryLimit = "retry.linkerd.io/limit";
    public const string RetryTimeout = "retry.linkerd.io/timeout";
    public const string TimeoutRequest = "timeout.linkerd.io/request";
    public const string TimeoutResponse = "timeout.linkerd.io/response";
    public const string TimeoutIdle = "timeout.linkerd.io/idle";

    public static readonly string[] ResilienceAnnotations = [RetryHttp, RetryGrpc, RetryLimit, RetryTimeout, TimeoutRequest, TimeoutResponse, TimeoutIdle];

    /// <summary>The default trust domain of mesh identities: <c>name.namespace.serviceaccount.identity.linkerd.cluster.local</c>.</summary>
    public const string DefaultTrustDomain = "cluster.local";
}
