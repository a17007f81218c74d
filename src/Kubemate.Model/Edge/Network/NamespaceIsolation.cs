using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Network;

/// <summary>
/// Default-deny ingress for one namespace, still admitting the mesh control plane, the edge gateway and kubelet probes;
/// everything else must be allowed by an access rule.
/// </summary>
public sealed record NamespaceIsolation : IValidatable
{
    public required string Namespace { get; init; }

    public IReadOnlyList<string> MeshControlPlaneNamespaces { get; init; } = ["linkerd"];

    public IReadOnlyList<string> GatewayNamespaces { get; init; } = ["traefik"];

    /// <summary>
    /// The nodes' addresses, where kubelet probes come from. Empty relies on the NetworkPolicy rule that traffic from
    /// the pod's own node is always allowed; give them for a CNI that enforces policy on host traffic anyway.
    /// </summary>
    public IReadOnlyList<string> NodeCidrs { get; init; } = [];

    /// <summary>Also admit every pod of the namespace itself.</summary>
    public bool AllowSameNamespace { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "namespace"), Namespace));
        foreach (var (list, name) in new[] { (MeshControlPlaneNamespaces, "meshControlPlaneNamespaces"), (GatewayNamespaces, "gatewayNamespaces") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                problems.AddRange(EdgeChecks.LabelName(FieldPath.Index(FieldPath.Child(path, name), i), list[i]));
            }
        }
        for (var i = 0; i < NodeCidrs.Count; i++)
        {
            problems.AddRange(EdgeChecks.Cidr(FieldPath.Index(FieldPath.Child(path, "nodeCidrs"), i), NodeCidrs[i]));
        }
        return problems;
    }
}
