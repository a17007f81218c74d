using System.Text.Json.Nodes;
using Kubemate.Drivers.Linkerd.Access;
using Kubemate.Drivers.Linkerd.Namespaces;
using Kubemate.Drivers.Linkerd.Resilience;
using Kubemate.Drivers.Linkerd.Traffic;
using Kubemate.Model.Access;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;

namespace Kubemate.Drivers.Linkerd;

/// <summary>
/// The Linkerd driver. Providers: <c>linkerd</c> (splits as Gateway API HTTPRoutes, Linkerd 2.14+),
/// <c>linkerd:smi-v1alpha2</c> and <c>linkerd:smi-v1alpha1</c> (splits as SMI TrafficSplits for older estates).
/// Every version reads both kinds of split.
/// </summary>
public sealed class LinkerdDriver : MeshDriverBase
{
    public const string GatewayApiProvider = "linkerd";
    public const string SmiV1Alpha2Provider = "linkerd:smi-v1alpha2";
    public const string SmiV1Alpha1Provider = "linkerd:smi-v1alpha1";

    private readonly SplitApi _splitApi;

    public LinkerdDriver(SplitApi splitApi = SplitApi.GatewayApi)
        : base(splitApi switch
        {
            SplitApi.SmiV1Alpha2 => SmiV1Alpha2Provider,
            SplitApi.SmiV1Alpha1 => SmiV1Alpha1Provider,
            _ => GatewayApiProvider,
        }, LinkerdNames.Family)
    {
        _splitApi = splitApi;
        // Resilience reads first: it takes annotated routes to their own Service, and leaves real splits to the split reader.
        Mappers = [new LinkerdResilienceMapper(), new LinkerdSplitMapper(splitApi), new LinkerdAccessMapper(), new LinkerdInboundPolicyMapper(), new LinkerdInjectionMapper()];
    }

    protected override IReadOnlyList<IModelMapper> Mappers { get; }

    public override MeshCapabilities Capabilities => new()
    {
        TrafficSplits = true,
        SplitMatches = _splitApi == SplitApi.GatewayApi,
        SplitSubsets = false,
        AccessIntents = true,
        HttpAccessRules = true,
        TargetProtocol = true,
        TargetDefaultPolicy = true,
        NamedEndpoints = true,
        NamedTargetPorts = true,
        ResiliencePolicies = true,
        HttpRetryClasses = ["5xx", "gateway-error"],
        StatusRangeRetries = true,
        IdleTimeouts = true,
        InboundPolicyModes = [.. Enum.GetValues<InboundPolicyMode>()],
        Injection = true,
        PortRanges = true,
        OpaquePorts = true,
    };

    public override MeshConventions Conventions => LinkerdConventions.Value;

    public override JsonObject InjectionPatch(InjectionTarget target, bool enabled) =>
        this.Render(new MeshInjection { Target = target, Enabled = enabled })[0];
}

public static class LinkerdRegistration
{
    /// <summary>Registers the Linkerd providers: <c>linkerd</c>, <c>linkerd:smi-v1alpha2</c>, <c>linkerd:smi-v1alpha1</c>.</summary>
    public static MeshDriverRegistry AddLinkerd(this MeshDriverRegistry registry) => registry
        .Register(LinkerdDriver.GatewayApiProvider, () => new LinkerdDriver(SplitApi.GatewayApi))
        .Register(LinkerdDriver.SmiV1Alpha2Provider, () => new LinkerdDriver(SplitApi.SmiV1Alpha2))
        .Register(LinkerdDriver.SmiV1Alpha1Provider, () => new LinkerdDriver(SplitApi.SmiV1Alpha1));
}
