using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry.Topology;

/// <summary>A workload in the graph. <see cref="Kind"/> is the workload kind, or "gateway" for the edge gateway, or "unmeshed".</summary>
public sealed record TopologyNode(string Id, string Namespace, string Name, string Kind, string WorkloadKind, bool Meshed, bool Entry, HealthClass Health, GoldenMetrics Inbound);

/// <summary>A call path <c>Source -&gt; Target</c> (node ids) with its rate, success, p99 and whether all of it was mTLS.</summary>
public sealed record TopologyEdge(string Source, string Target, double Rps, double? SuccessRate, double? LatencyP99Ms, bool Mtls, HealthClass Health);

/// <summary>The graph and how many backend queries built it (a small constant).</summary>
public sealed record TopologyGraph(TelemetryWindow Window, IReadOnlyList<string> Namespaces, IReadOnlyList<TopologyNode> Nodes, IReadOnlyList<TopologyEdge> Edges, int Queries);
