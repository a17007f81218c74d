using Kubemate.Model.Collections;
using Kubemate.Model.Traffic;

namespace Kubemate.Model.Tests;

public class ValueCollectionsTests
{
    [Fact]
    public void Records_holding_lists_compare_by_the_items()
    {
        var first = new TrafficSplit { Name = "s", Service = "a", Backends = [new() { Service = "a", Weight = 1 }] };
        var second = new TrafficSplit { Name = "s", Service = "a", Backends = [new() { Service = "a", Weight = 1 }] };

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { Backends = [new() { Service = "a", Weight = 2 }] });
    }

    [Fact]
    public void Maps_compare_regardless_of_order_but_keep_it_for_output()
    {
        var map = ValueMap.Of(("b", "2"), ("a", "1"));

        Assert.Equal(ValueMap.Of(("a", "1"), ("b", "2")), map);
        Assert.Equal(["b", "a"], map.Keys);
    }
}
