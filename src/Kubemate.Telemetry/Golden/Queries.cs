using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Golden;

/// <summary>The query shapes golden metrics are built from.</summary>
internal static class Queries
{
    public const string Responses = "response_total";
    public const string Latency = "response_latency_ms";

    public static readonly LabelMatcher Inbound = LabelMatcher.Is("direction", "inbound");
    public static readonly LabelMatcher Outbound = LabelMatcher.Is("direction", "outbound");
    public static readonly LabelMatcher WithoutIdentity = LabelMatcher.IsNot("tls", "true");

    public static MetricQuery Increase(TelemetryWindow window, IReadOnlyList<LabelMatcher> matchers, IEnumerable<string> groupBy) =>
        new(Responses, QueryFunctionKind.Increase, window.Duration, matchers, [.. groupBy, "classification"]);

    public static MetricQuery Quantile(double q, TelemetryWindow window, IReadOnlyList<LabelMatcher> matchers, IEnumerable<string> groupBy) =>
        new(Latency, QueryFunctionKind.Quantile, window.Duration, matchers, [.. groupBy], q);

    public static IReadOnlyList<LabelMatcher> InNamespaces(IReadOnlyCollection<string>? namespaces, string label = "namespace") =>
        namespaces is { Count: > 0 } ? [LabelMatcher.OneOf(label, namespaces)] : [];

    public static IReadOnlyList<LabelMatcher> NotInNamespaces(IReadOnlyCollection<string> namespaces, string label = "namespace") =>
        [new LabelMatcher(label, MatchOperator.NotRegex, LabelMatcher.OneOf(label, namespaces).Value)];

    public static IReadOnlyList<LabelMatcher> Of(WorkloadRef workload, bool asDestination = false) => asDestination
        ? [LabelMatcher.Is("dst_namespace", workload.Namespace), LabelMatcher.Is(LinkerdLabels.DestinationLabelOf(workload.Kind), workload.Name)]
        : [LabelMatcher.Is("namespace", workload.Namespace), LabelMatcher.Is(LinkerdLabels.LabelOf(workload.Kind), workload.Name)];
}
