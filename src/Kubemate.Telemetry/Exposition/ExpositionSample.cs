using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Exposition;

/// <summary>One sample line of the Prometheus text format.</summary>
public sealed record ExpositionSample(string Name, LabelSet Labels, double Value, long? TimestampMs);

/// <summary>A parsed exposition: samples in file order and the declared <c># TYPE</c> of each family.</summary>
public sealed record Exposition(IReadOnlyList<ExpositionSample> Samples, IReadOnlyDictionary<string, string> Types);
