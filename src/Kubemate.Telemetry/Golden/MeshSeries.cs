using System.Globalization;
using Kubemate.Model.Drivers;
using Kubemate.Telemetry.Inventory;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>
/// The query shapes golden metrics, edges and TCP are built from, in the words of one mesh's
/// <see cref="TelemetryVocabulary"/>: which side reported, which labels name the workloads at either end, how a
/// response counts as a success and a connection as secured. Nothing here names a mesh.
/// </summary>
internal sealed class MeshSeries(TelemetryVocabulary vocabulary)
{
    public TelemetryVocabulary Vocabulary => vocabulary;

    public LabelMatcher ServerSide { get; } = LabelMatcher.Is(vocabulary.ReporterLabel, vocabulary.ServerSideValue);

    public LabelMatcher ClientSide { get; } = LabelMatcher.Is(vocabulary.ReporterLabel, vocabulary.ClientSideValue);

    /// <summary>Server-side responses without mesh identity (the unmeshed callers); null when the mesh has no TLS label.</summary>
    public LabelMatcher? WithoutIdentity { get; } =
        vocabulary is { TlsLabel: { } tls, TlsSecuredValue: { } secured } ? LabelMatcher.IsNot(tls, secured) : null;

    public IReadOnlyList<string> ServerLabels { get; } = LabelsOf(vocabulary.ServerWorkload);

    public IReadOnlyList<string> ClientLabels { get; } = LabelsOf(vocabulary.ClientWorkload);

    public IReadOnlyList<string> PeerLabels { get; } = LabelsOf(vocabulary.ClientPeer);

    /// <summary>The labels a response count is grouped by besides the caller's: its outcome and, when known, its security.</summary>
    public IReadOnlyList<string> OutcomeLabels { get; } =
        [vocabulary.ClassificationLabel ?? vocabulary.StatusCodeLabel, .. vocabulary.TlsLabel is { } tls ? [tls] : Array.Empty<string>()];

    public string PodLabel => vocabulary.PodLabel;

    public string ServiceLabel => vocabulary.DestinationServiceLabel;

    public MetricQuery Increase(TelemetryWindow window, IReadOnlyList<LabelMatcher> matchers, IEnumerable<string> groupBy) =>
        new(vocabulary.ResponsesMetric, QueryFunctionKind.Increase, window.Duration, matchers, [.. groupBy.Concat(OutcomeLabels).Distinct()]);

    public MetricQuery Quantile(double q, TelemetryWindow window, IReadOnlyList<LabelMatcher> matchers, IEnumerable<string> groupBy) =>
        new(vocabulary.LatencyMetric, QueryFunctionKind.Quantile, window.Duration, matchers, [.. groupBy], q);

    /// <summary>The server side's open connections by workload, or null when the mesh exports no such gauge.</summary>
    public MetricQuery? OpenConnections(TelemetryWindow window, IReadOnlyList<LabelMatcher> matchers, IEnumerable<string> groupBy) =>
        vocabulary.TcpOpenConnections is { } tcp
            ? new MetricQuery(tcp.Metric, QueryFunctionKind.Latest, window.Duration,
                [ServerSide, .. tcp.Matches.Select(m => LabelMatcher.Is(m.Key, m.Value)), .. matchers], [.. groupBy])
            : null;

    public bool IsSuccess(LabelSet labels) => vocabulary.ClassificationLabel is { } classification
        ? labels[classification] == vocabulary.SuccessValue
        : !(int.TryParse(labels[vocabulary.StatusCodeLabel], NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code >= 500);

    public bool IsSecured(LabelSet labels) => vocabulary is { TlsLabel: { } tls, TlsSecuredValue: { } secured } && labels[tls] == secured;

    /// <summary>Matchers selecting one workload by the given labels (the server's, the caller's or the peer's).</summary>
    /// <exception cref="ArgumentException">the mesh's labels cannot name a workload of that kind.</exception>
    public static IReadOnlyList<LabelMatcher> Of(WorkloadLabels labels, WorkloadRef workload)
    {
        var label = labels.Kinds.FirstOrDefault(k => k.Kind == workload.Kind) ?? labels.Kinds.FirstOrDefault(k => k.Kind is null)
            ?? throw new ArgumentException($"kind: \"{workload.Kind}\" is not one of {string.Join(", ", labels.Kinds.Select(k => k.Kind))}");
        return [LabelMatcher.Is(labels.NamespaceLabel, workload.Namespace), LabelMatcher.Is(label.Label, workload.Name)];
    }

    /// <summary>Reads the workload the labels name; a kind-less label takes its kind from the cluster's workload list.</summary>
    public static WorkloadRef? Resolve(LabelSet series, WorkloadLabels labels, KnownKinds kinds)
    {
        foreach (var kindLabel in labels.Kinds)
        {
            var name = series[kindLabel.Label];
            if (name.Length > 0 && name != "unknown")
            {
                var ns = series[labels.NamespaceLabel];
                return new WorkloadRef(ns, kindLabel.Kind ?? kinds.KindOf(ns, name), name);
            }
        }
        return null;
    }

    public Func<LabelSet, WorkloadRef?> Server(KnownKinds kinds) => labels => Resolve(labels, vocabulary.ServerWorkload, kinds);

    public Func<LabelSet, WorkloadRef?> Client(KnownKinds kinds) => labels => Resolve(labels, vocabulary.ClientWorkload, kinds);

    public Func<LabelSet, WorkloadRef?> Peer(KnownKinds kinds) => labels => Resolve(labels, vocabulary.ClientPeer, kinds);

    public static List<string> LabelsOf(WorkloadLabels labels) => [labels.NamespaceLabel, .. labels.Kinds.Select(k => k.Label)];
}

/// <summary>
/// The kinds of the workloads the cluster lists, for series that name a workload without its kind (Istio's
/// <c>destination_workload</c>). A name the list does not know is taken for a Deployment, the usual case.
/// </summary>
internal sealed class KnownKinds(IEnumerable<WorkloadInfo> known)
{
    public const string Fallback = "deployment";

    private readonly Dictionary<(string, string), string> kinds = known
        .GroupBy(k => (k.Workload.Namespace, k.Workload.Name))
        .ToDictionary(g => g.Key, g => g.Select(k => k.Workload.Kind).OrderBy(Precedence).First());

    public static KnownKinds None { get; } = new([]);

    public string KindOf(string ns, string name) => kinds.GetValueOrDefault((ns, name), Fallback);

    private static int Precedence(string kind) => WorkloadKinds.Precedence(kind) is var i and >= 0 ? i : int.MaxValue;
}
