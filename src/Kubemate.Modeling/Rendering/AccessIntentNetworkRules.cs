using Kubemate.Model.Access;
using Kubemate.Model.Edge.Network;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Rendering;

/// <summary>
/// Maps a mesh-neutral <see cref="AccessIntent"/> onto the L3/L4 <see cref="NetworkAccessRule"/> the NetworkPolicy
/// renderer takes, so one intent gives both layers. The NetworkPolicy layer is the coarse envelope; the mesh layer
/// decides precisely:
/// <list type="bullet">
/// <item>destination: the intent's namespace, the pods of its target selector (<c>to.pods.matchLabels</c>) and its
/// target port (a number), TCP;</item>
/// <item>identities become the namespaces they run in (a service account or workload: its namespace, or the
/// intent's; a namespace: itself) — NetworkPolicy cannot tell service accounts apart;</item>
/// <item>unauthenticated sources become their networks' CIDRs (exceptions are left to the mesh layer), or every
/// address (<c>0.0.0.0/0</c>, <c>::/0</c>) when they name none;</item>
/// <item>HTTP methods and paths are left to the mesh layer.</item>
/// </list>
/// What the NetworkPolicy layer cannot express (any meshed client, label expressions, named ports, endpoints defined
/// elsewhere, a whole namespace's endpoints) is a problem, not a silently wider or narrower policy.
/// An intent that lets nobody in maps to no rule: default deny already says so.
/// </summary>
public static class AccessIntentNetworkRules
{
    public static readonly IReadOnlyList<string> AllAddresses = ["0.0.0.0/0", "::/0"];

    public static (NetworkAccessRule? Rule, IReadOnlyList<ValidationProblem> Problems) Map(AccessIntent intent)
    {
        var problems = new List<ValidationProblem>();
        if (intent.Namespace is null)
        {
            problems.Add(new("namespace", "is required for the NetworkPolicy layer: the policy lives in the target's namespace"));
        }
        var (labels, port) = Destination(intent.To, problems);
        var namespaces = new List<string>();
        var cidrs = new List<string>();
        for (var i = 0; i < intent.From.Count; i++)
        {
            AddSource(intent.From[i], FieldPath.Index("from", i), intent.Namespace, namespaces, cidrs, problems);
        }
        if (problems.Count > 0 || intent.From.Count == 0)
        {
            return (null, problems);
        }
        var rule = new NetworkAccessRule
        {
            Name = intent.Name,
            SourceNamespaces = [.. namespaces.Distinct(StringComparer.Ordinal)],
            SourceCidrs = [.. cidrs.Distinct(StringComparer.Ordinal)],
            DestinationNamespace = intent.Namespace!,
            DestinationPodLabels = labels!,
            Ports = [new NetworkPort(port!.Value)],
        };
        return (rule, problems);
    }

    private static (IReadOnlyDictionary<string, string>? Labels, int? Port) Destination(AccessTarget target, List<ValidationProblem> problems)
    {
        if (target.AllInNamespace)
        {
            problems.Add(new("to.allInNamespace", "the NetworkPolicy layer needs the target's pods and port; give to.pods and to.port"));
            return (null, null);
        }
        if (target.Pods is null || target.Port is null)
        {
            problems.Add(new("to", "the NetworkPolicy layer needs the target's pods and port; an endpoint defined elsewhere names neither"));
            return (null, null);
        }
        if (target.Pods.MatchExpressions.Count > 0)
        {
            problems.Add(new("to.pods.matchExpressions", "the NetworkPolicy layer selects pods by matchLabels only"));
        }
        if (target.Port.Number is null)
        {
            problems.Add(new("to.port", $"the NetworkPolicy layer needs a port number, not the name '{target.Port.Name}'"));
        }
        return (target.Pods.MatchLabels.ToDictionary(p => p.Key, p => p.Value), target.Port.Number);
    }

    private static void AddSource(AccessSource source, string path, string? intentNamespace, List<string> namespaces, List<string> cidrs, List<ValidationProblem> problems)
    {
        if (source.Unauthenticated)
        {
            cidrs.AddRange(source.Networks.Count == 0 ? AllAddresses : source.Networks.Select(n => n.Cidr));
            return;
        }
        for (var i = 0; i < source.Identities.Count; i++)
        {
            var peer = source.Identities[i];
            var peerPath = FieldPath.Index(FieldPath.Child(path, "identities"), i);
            var ns = peer.Kind switch
            {
                PeerKind.Namespace => peer.Name,
                PeerKind.AnyMeshed => null,
                _ => peer.Namespace ?? intentNamespace,
            };
            if (peer.Kind == PeerKind.AnyMeshed)
            {
                problems.Add(new(peerPath, "the NetworkPolicy layer cannot select meshed clients; name their namespaces, or render the mesh layer only"));
            }
            else if (ns is null)
            {
                problems.Add(new(FieldPath.Child(peerPath, "namespace"), "is required for the NetworkPolicy layer when the intent names no namespace"));
            }
            else
            {
                namespaces.Add(ns);
            }
        }
    }
}
