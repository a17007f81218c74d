using System.Text.Json.Nodes;
using Kubemate.Drivers.Istio.Access;
using Kubemate.Drivers.Istio.Namespaces;
using Kubemate.Drivers.Istio.Resilience;
using Kubemate.Drivers.Istio.Traffic;
using Kubemate.Model.Access;
using Kubemate.Model.Drivers;
using Kubemate.Model.Injection;

namespace Kubemate.Drivers.Istio;

/// <summary>The Istio driver (provider <c>istio</c>): networking.istio.io/v1 and security.istio.io/v1 resources.</summary>
public sealed class IstioDriver : MeshDriverBase
{
    public const string ProviderName = "istio";

    public IstioDriver(string trustDomain = IstioNames.DefaultTrustDomain)
        : base(ProviderName, IstioNames.Family)
    {
        // Resilience reads first: it takes VirtualServices with timeouts or retries to their own host.
        Mappers = [new IstioResilienceMapper(), new IstioSplitMapper(), new IstioAccessMapper(trustDomain), new IstioInboundPolicyMapper(), new IstioInjectionMapper()];
    }

    protected override IReadOnlyList<IModelMapper> Mappers { get; }

    public override MeshCapabilities Capabilities { get; } = new()
    {
        TrafficSplits = true,
        SplitMatches = true,
        SplitSubsets = true,
        RequiredWeightTotal = 100,
        AccessIntents = true,
        HttpAccessRules = true,
        TargetProtocol = false,
        TargetDefaultPolicy = false,
        NamedEndpoints = false,
        NamedTargetPorts = false,
        ResiliencePolicies = true,
        HttpRetryClasses = ["5xx", "gateway-error", "connect-failure"],
        StatusRangeRetries = false,
        IdleTimeouts = false,
        InboundPolicyModes = [InboundPolicyMode.AllUnauthenticated, InboundPolicyMode.AllAuthenticated, InboundPolicyMode.Deny],
        Injection = true,
        PortRanges = false,
        OpaquePorts = false,
    };

    public override MeshConventions Conventions => IstioConventions.Value;

    public override JsonObject InjectionPatch(InjectionTarget target, bool enabled) =>
        this.Render(new MeshInjection { Target = target, Enabled = enabled })[0];
}

public static class IstioRegistration
{
    public static MeshDriverRegistry AddIstio(this MeshDriverRegistry registry) =>
        registry.Register(IstioDriver.ProviderName, () => new IstioDriver());
}
