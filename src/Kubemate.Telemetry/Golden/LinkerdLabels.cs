using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>How linkerd-proxy series (labelled by the linkerd-proxy scrape job) name workloads.</summary>
public static class LinkerdLabels
{
    /// <summary>Workload kind -> the target label carrying its name, in precedence order.</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> Kinds =
    [
        ("deployment", "deployment"),
        ("statefulset", "statefulset"),
        ("daemonset", "daemonset"),
        ("cronjob", "cronjob"),
        ("job", "k8s_job"),
        ("replicaset", "replicaset"),
        ("replicationcontroller", "replicationcontroller"),
    ];

    /// <summary>Destination kinds on outbound series (<c>dst_deployment</c>…).</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> DestinationKinds =
        Kinds.Select(k => (k.Kind, "dst_" + (k.Kind == "job" ? "job" : k.Label))).ToList();

    public static readonly IReadOnlyList<string> WorkloadLabels = ["namespace", .. Kinds.Select(k => k.Label)];

    public static readonly IReadOnlyList<string> DestinationLabels = ["dst_namespace", .. DestinationKinds.Select(k => k.Label)];

    public static string LabelOf(string kind) =>
        Kinds.FirstOrDefault(k => k.Kind == kind).Label ?? throw new ArgumentException($"kind: \"{kind}\" is not one of {string.Join(", ", Kinds.Select(k => k.Kind))}");

    public static string DestinationLabelOf(string kind) => DestinationKinds.First(k => k.Kind == kind).Label;

    public static WorkloadRef? Workload(LabelSet labels) => Resolve(labels, "namespace", Kinds);

    public static WorkloadRef? Destination(LabelSet labels) => Resolve(labels, "dst_namespace", DestinationKinds);

    private static WorkloadRef? Resolve(LabelSet labels, string namespaceLabel, IReadOnlyList<(string Kind, string Label)> kinds)
    {
        foreach (var (kind, label) in kinds)
        {
            var name = labels[label];
            if (name.Length > 0)
            {
                return new WorkloadRef(labels[namespaceLabel], kind, name);
            }
        }
        return null;
    }
}
