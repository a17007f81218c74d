using Kubemate.Model.Access;

namespace Kubemate.Drivers.Linkerd.Namespaces;

/// <summary>Linkerd's spelling of inbound policies (namespace annotation, Server accessPolicy).</summary>
internal static class InboundPolicyValues
{
    private static readonly Dictionary<InboundPolicyMode, string> Names = new()
    {
        [InboundPolicyMode.AllUnauthenticated] = "all-unauthenticated",
        [InboundPolicyMode.AllAuthenticated] = "all-authenticated",
        [InboundPolicyMode.ClusterUnauthenticated] = "cluster-unauthenticated",
        [InboundPolicyMode.ClusterAuthenticated] = "cluster-authenticated",
        [InboundPolicyMode.Deny] = "deny",
        [InboundPolicyMode.Audit] = "audit",
    };

    public static string ToLinkerd(InboundPolicyMode mode) => Names[mode];

    public static InboundPolicyMode? FromLinkerd(string? value) =>
        Names.FirstOrDefault(p => p.Value == value) is { Value: not null } found ? found.Key : null;
}
