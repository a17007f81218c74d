using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Graph;
using static Kubemate.WebConsole.Tests.Telemetry.TopologyBigGraphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

/// <summary>A sanity check that the C# side copes with a big estate at all (figures belong to benchmarks, not here).</summary>
public sealed class TopologyScaleTests
{
    [Fact]
    public void Two_thousand_workloads_and_twenty_thousand_calls_are_arranged_filtered_labelled_and_aggregated()
    {
        var graph = Estate(2000, 20_000, 40);

        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);
        var (nodes, edges) = TopologyFilter.All.Apply(graph);
        var scene = SceneOf(nodes, edges, positions);
        var namespaces = NamespaceGraph.From(nodes, edges, graph.Window);

        Assert.Equal(2000, positions.Values.Distinct().Count());
        Assert.Equal(20_000, edges.Count);
        Assert.NotEmpty(scene.Labels);
        Assert.Empty(Overlapping(scene.Labels.Values.Select(l => l.Box)));
        Assert.Empty(Overlapping(scene.Groups.Select(g => g.Box)));
        Assert.Equal(40, namespaces.Nodes.Count);
        var crossing = edges.Where(e => e.Source.Split('/')[0] != e.Target.Split('/')[0]).Sum(e => e.Rps);
        Assert.Equal(crossing, namespaces.Edges.Sum(e => e.Rps), 6);
    }
}
