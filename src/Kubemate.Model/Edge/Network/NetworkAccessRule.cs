using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Network;

/// <summary>
/// The L3/L4 half of an access intent ("orders may call payment on 8080"): who may connect to which pods on which ports.
/// The mesh-neutral AccessIntent maps onto this; the NetworkPolicy renderer takes only this.
/// </summary>
public sealed record NetworkAccessRule : IValidatable
{
    /// <summary>Names the rendered policy (<c>allow-&lt;name&gt;</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Namespaces the callers run in; with none, callers come from the destination's namespace (unless only CIDRs are given).</summary>
    public IReadOnlyList<string> SourceNamespaces { get; init; } = [];

    /// <summary>Labels of the calling pods; null means every pod of the source namespaces.</summary>
    public IReadOnlyDictionary<string, string>? SourcePodLabels { get; init; }

    /// <summary>Callers outside the cluster, by address range.</summary>
    public IReadOnlyList<string> SourceCidrs { get; init; } = [];

    public required string DestinationNamespace { get; init; }

    /// <summary>Labels of the called pods; an empty map selects every pod of the namespace.</summary>
    public required IReadOnlyDictionary<string, string> DestinationPodLabels { get; init; }

    public required IReadOnlyList<NetworkPort> Ports { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(EdgeChecks.ObjectName(FieldPath.Child(path, "name"), Name));
        var namespacesPath = FieldPath.Child(path, "sourceNamespaces");
        for (var i = 0; i < SourceNamespaces.Count; i++)
        {
            problems.AddRange(EdgeChecks.LabelName(FieldPath.Index(namespacesPath, i), SourceNamespaces[i]));
        }
        problems.AddRange(EdgeChecks.Unique(namespacesPath, SourceNamespaces, n => $"namespace \"{n}\""));
        problems.AddRange(EdgeChecks.Labels(FieldPath.Child(path, "sourcePodLabels"), SourcePodLabels));
        var cidrsPath = FieldPath.Child(path, "sourceCidrs");
        for (var i = 0; i < SourceCidrs.Count; i++)
        {
            problems.AddRange(EdgeChecks.Cidr(FieldPath.Index(cidrsPath, i), SourceCidrs[i]));
        }
        if (SourceNamespaces.Count == 0 && SourcePodLabels is null && SourceCidrs.Count == 0)
        {
            problems.Add(new(path, "name at least one source: namespaces, pod labels or CIDRs"));
        }
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "destinationNamespace"), DestinationNamespace));
        problems.AddRange(EdgeChecks.Labels(FieldPath.Child(path, "destinationPodLabels"), DestinationPodLabels));
        var portsPath = FieldPath.Child(path, "ports");
        if (Ports.Count == 0)
        {
            problems.Add(new(portsPath, "at least one port is required"));
        }
        problems.AddRange(EdgeChecks.Each(portsPath, Ports));
        problems.AddRange(EdgeChecks.Unique(portsPath, Ports, p => $"port {p.Port}/{p.Protocol}"));
        return problems;
    }
}
