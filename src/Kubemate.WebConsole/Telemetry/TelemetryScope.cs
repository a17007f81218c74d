using Kubemate.WebConsole.Access;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Topology;

namespace Kubemate.WebConsole.Telemetry;

/// <summary>
/// Telemetry is read with Kubemate's own identity, so the pages show a namespace's workloads only to users who may
/// list its pods (a SelfSubjectAccessReview as the user, cached by <see cref="AccessReviewer"/>).
/// </summary>
public static class TelemetryScope
{
    public static async Task<IReadOnlySet<string>> ReadableNamespacesAsync(AccessReviewer access, IEnumerable<string> namespaces, CancellationToken cancellationToken)
    {
        var named = namespaces.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        // One question for whoever may list pods everywhere (admins, auditors), instead of one per namespace.
        if ((await access.CanAsync("list", "", "pods", null, null, cancellationToken)).Allowed)
        {
            return named.ToHashSet(StringComparer.Ordinal);
        }
        var readable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ns in named)
        {
            if ((await access.CanAsync("list", "", "pods", ns, null, cancellationToken)).Allowed)
            {
                readable.Add(ns);
            }
        }
        return readable;
    }

    /// <summary>The graph without the nodes of other namespaces (and their edges); unmeshed callers stay when they call a shown node.</summary>
    public static TopologyGraph Restrict(TopologyGraph graph, IReadOnlySet<string> readable)
    {
        var kept = graph.Nodes.Where(n => readable.Contains(n.Namespace)).Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var edge in graph.Edges.Where(e => e.Source == WorkloadRef.Unmeshed.Id && kept.Contains(e.Target)))
        {
            kept.Add(edge.Source);
        }
        if (kept.Count == graph.Nodes.Count)
        {
            // Everything is readable: share the graph instead of copying it into every session.
            return graph;
        }
        return graph with
        {
            Nodes = graph.Nodes.Where(n => kept.Contains(n.Id)).ToList(),
            Edges = graph.Edges.Where(e => kept.Contains(e.Source) && kept.Contains(e.Target)).ToList(),
        };
    }
}
