using Kubemate.Telemetry.Embedded;
using Kubemate.Telemetry.Querying;

namespace Kubemate.Telemetry.Tests.Embedded;

public class MetricIndexTests
{
    private static readonly TargetSeries Target = new(LabelSet.Of(("job", "linkerd-proxy")), 10);

    private static (MetricIndex Index, List<StoredSeries> Series) Indexed(params LabelSet[] labelSets)
    {
        var index = new MetricIndex();
        var series = labelSets.Select(labels => new StoredSeries(Target, "m", labels, null)).ToList();
        for (var i = 0; i < series.Count; i++)
        {
            index.Add(series[i], labelSets[i]);
        }
        return (index, series);
    }

    private static readonly LabelSet[] Sample =
    [
        LabelSet.Of(("direction", "inbound"), ("client_id", "web.shop")),
        LabelSet.Of(("direction", "inbound")),
        LabelSet.Of(("direction", "outbound"), ("dst_namespace", "shop")),
        LabelSet.Of(("direction", "outbound"), ("dst_namespace", "pay")),
    ];

    [Theory]
    [InlineData("direction", MatchOperator.Equal, "inbound", new[] { 0, 1 })]
    [InlineData("client_id", MatchOperator.Equal, "", new[] { 1, 2, 3 })]
    [InlineData("client_id", MatchOperator.NotEqual, "", new[] { 0 })]
    [InlineData("dst_namespace", MatchOperator.Regex, "sh.*|pay", new[] { 2, 3 })]
    [InlineData("dst_namespace", MatchOperator.Regex, "shop|", new[] { 0, 1, 2 })]
    [InlineData("dst_namespace", MatchOperator.NotRegex, "sh.*", new[] { 0, 1, 3 })]
    [InlineData("dst_namespace", MatchOperator.NotRegex, ".+", new[] { 0, 1 })]
    [InlineData("missing", MatchOperator.NotEqual, "x", new[] { 0, 1, 2, 3 })]
    [InlineData("missing", MatchOperator.Equal, "x", new int[0])]
    public void Postings_select_what_testing_every_series_would(string name, MatchOperator op, string value, int[] expected)
    {
        var (index, series) = Indexed(Sample);
        var matcher = new LabelMatcher(name, op, value);

        var selected = index.Select([matcher]);

        Assert.Equal(expected.Select(i => series[i]), selected);
        Assert.Equal(series.Where((_, i) => matcher.Matches(Sample[i])), selected);
    }

    [Fact]
    public void Matchers_intersect()
    {
        var (index, series) = Indexed(Sample);

        var selected = index.Select([LabelMatcher.Is("direction", "outbound"), LabelMatcher.IsNot("dst_namespace", "shop")]);

        Assert.Equal([series[3]], selected);
    }

    [Fact]
    public void Removed_series_are_no_longer_selected_and_the_rest_survive_the_rebuild()
    {
        var (index, series) = Indexed(Sample);

        index.Remove(series[0]);
        index.Remove(series[2]);
        index.Remove(series[1]);

        Assert.Equal(1, index.Count);
        Assert.Equal([series[3]], index.Select([]));
        Assert.Equal([series[3]], index.Select([LabelMatcher.Is("dst_namespace", "pay")]));
    }
}
