using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Tests.Support;

/// <summary>Query shapes in the Linkerd driver's vocabulary, for tests that ask the backends directly.</summary>
internal static class LinkerdSeries
{
    private static readonly MeshSeries Mesh = new(TestMeshes.Linkerd.Telemetry);

    public static string Responses => TestMeshes.Linkerd.Telemetry.ResponsesMetric;

    public static LabelMatcher Inbound => Mesh.ServerSide;

    public static LabelMatcher Outbound => Mesh.ClientSide;

    public static IReadOnlyList<LabelMatcher> Of(WorkloadRef workload) => MeshSeries.Of(TestMeshes.Linkerd.Telemetry.ServerWorkload, workload);
}
