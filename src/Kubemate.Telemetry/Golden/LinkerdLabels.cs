namespace Kubemate.Telemetry.Golden;

/// <summary>
/// Only the workload kinds, under the old name the REST handler's kind check still reads; labels come from the
/// active driver's <c>TelemetryVocabulary</c>. Remove once that check reads <see cref="WorkloadKinds"/>.
/// </summary>
public static class LinkerdLabels
{
    public static IReadOnlyList<(string Kind, string Label)> Kinds { get; } = WorkloadKinds.All.Select(k => (k, k)).ToList();
}
