using Kubemate.Telemetry.Topology;
using Kubemate.WebConsole.Telemetry;
using Kubemate.WebConsole.Telemetry.Graph;
using static Kubemate.WebConsole.Tests.Telemetry.Graphs;
using static Kubemate.WebConsole.Tests.Telemetry.TopologyBigGraphs;

namespace Kubemate.WebConsole.Tests.Telemetry;

public sealed class TopologyEdgeLabelPlacementTests
{
    private static readonly TopologyNode Hub = Node("shop", "hub");

    /// <summary>
    /// One caller fanning out to <paramref name="count"/> callees stacked 10 units apart (busier towards the top): their
    /// labels together need more room than the triangle between them has.
    /// </summary>
    private static (List<TopologyNode> Nodes, List<TopologyEdge> Edges, Dictionary<string, NodePosition> Positions) FanOut(int count)
    {
        var callees = Enumerable.Range(0, count).Select(i => Node("shop", $"callee-{i:00}")).ToList();
        var edges = callees.Select((c, i) => Edge(Hub, c, rps: 1000 - i)).ToList();
        var positions = callees.Select((c, i) => (c.Id, At: new NodePosition(300, i * 10))).ToDictionary(p => p.Id, p => p.At);
        positions[Hub.Id] = new NodePosition(0, count * 5);
        return ([Hub, .. callees], edges, positions);
    }

    [Fact]
    public void Labels_in_a_crowded_fan_out_overlap_neither_each_other_nor_any_node()
    {
        var (nodes, edges, positions) = FanOut(60);

        var scene = SceneOf(nodes, edges, positions);

        var labels = scene.Labels.Values.Select(l => l.Box).ToList();
        Assert.NotEmpty(labels);
        Assert.Empty(Overlapping(labels));
        var footprints = nodes.SelectMany(n => TopologyGeometry.Footprint(positions[n.Id], scene.Texts[n.Id].Name, scene.Texts[n.Id].SecondLine));
        var titles = scene.Groups.Select(g => g.TitleBox);
        Assert.DoesNotContain(labels, label => footprints.Concat(titles).Any(label.Overlaps));
    }

    [Fact]
    public void A_crowded_fan_out_hides_some_labels_and_the_busiest_edge_keeps_its_own()
    {
        var (nodes, edges, positions) = FanOut(60);

        var scene = SceneOf(nodes, edges, positions);

        Assert.True(scene.Labels.Count < edges.Count, "the fan-out has no room for every label");
        var busiest = edges.MaxBy(e => e.Rps)!;
        Assert.True(scene.Labels.ContainsKey((busiest.Source, busiest.Target)));
    }

    [Fact]
    public void Busier_edges_choose_first_so_a_quieter_rival_gives_way()
    {
        // Two edges that cross near their middles: only one label fits there.
        var a = Node("x", "a");
        var b = Node("x", "b");
        var c = Node("y", "c");
        var d = Node("y", "d");
        var positions = new Dictionary<string, NodePosition>
        {
            [a.Id] = new(0, 0), [b.Id] = new(0, 200), [c.Id] = new(400, 200), [d.Id] = new(400, 0),
        };
        var quiet = Edge(a, c, rps: 1);
        var busy = Edge(b, d, rps: 50);

        var labels = EdgeLabelPlacement.Place([quiet, busy], positions, [], e => "a label long enough to cross");

        Assert.Equal(EdgeCurve.Between(positions[b.Id], positions[d.Id]).At(0.5).X, labels[(busy.Source, busy.Target)].X);
        Assert.NotEqual(EdgeCurve.Between(positions[a.Id], positions[c.Id]).At(0.5).X, labels.GetValueOrDefault((quiet.Source, quiet.Target))?.X);
    }

    [Fact]
    public void The_same_edges_in_any_order_get_the_same_labels()
    {
        var graph = Estate(120, 400, 6);
        var positions = TopologyLayout.Arrange(graph.Nodes, graph.Edges);

        var first = SceneOf(graph.Nodes, graph.Edges, positions);
        var second = SceneOf(graph.Nodes.Reverse().ToList(), graph.Edges.Reverse().ToList(), positions);

        Assert.Equal(first.Labels.OrderBy(l => l.Key), second.Labels.OrderBy(l => l.Key));
    }

    [Fact]
    public void A_label_moves_along_its_edge_rather_than_cover_a_node_in_the_middle()
    {
        var left = Node("x", "left");
        var right = Node("x", "right");
        var middle = Node("x", "middle");
        var positions = new Dictionary<string, NodePosition> { [left.Id] = new(0, 0), [right.Id] = new(600, 0) };
        var halfway = EdgeCurve.Between(positions[left.Id], positions[right.Id]).At(0.5);
        positions[middle.Id] = halfway;
        var obstacles = TopologyGeometry.Footprint(halfway, middle.Name, null).ToList();

        var labels = EdgeLabelPlacement.Place([Edge(left, right)], positions, obstacles, e => "12.5 rps · p99 35 ms");

        var label = labels[(left.Id, right.Id)];
        Assert.NotEqual(halfway.X, label.X);
        Assert.DoesNotContain(obstacles, label.Box.Overlaps);
    }

    [Fact]
    public void A_call_and_its_answer_call_bow_apart()
    {
        var there = EdgeCurve.Between(new NodePosition(0, 0), new NodePosition(240, 0)).At(0.5);
        var back = EdgeCurve.Between(new NodePosition(240, 0), new NodePosition(0, 0)).At(0.5);

        Assert.True(there.Y < 0 && back.Y > 0, $"{there} and {back} should lie on either side of the line");
    }

    [Fact]
    public void An_edge_that_skips_columns_bows_further_than_one_to_the_next_column()
    {
        var next = EdgeCurve.Between(new NodePosition(0, 0), new NodePosition(240, 0)).At(0.5);
        var skipping = EdgeCurve.Between(new NodePosition(0, 0), new NodePosition(720, 0)).At(0.5);

        Assert.True(skipping.Y < next.Y - TopologyGeometry.NodeRadius, $"{skipping} should clear the nodes {next} passes");
    }
}
