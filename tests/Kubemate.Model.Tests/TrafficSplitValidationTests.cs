using Kubemate.Model.Traffic;

namespace Kubemate.Model.Tests;

public class TrafficSplitValidationTests
{
    private static readonly TrafficSplit Valid = new()
    {
        Name = "payment-canary",
        Namespace = "payment",
        Service = "payment",
        Port = 8080,
        Backends = [new() { Service = "payment-stable", Weight = 90 }, new() { Service = "payment-canary", Weight = 10 }],
    };

    [Fact]
    public void A_canary_split_with_whole_weights_is_valid() => Assert.Empty(Valid.Validate());

    [Fact]
    public void Negative_weights_and_bad_names_are_reported_together_with_their_paths()
    {
        var split = Valid with
        {
            Namespace = "Payment",
            Service = "payment.svc",
            Backends = [new() { Service = "payment-stable", Weight = -1, Port = 0 }, new() { Service = "-canary", Weight = 10 }],
        };

        Assert.Equal(
            ["backends[0].port", "backends[0].weight", "backends[1].service", "namespace", "service"],
            split.Validate().Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_zero_weights_send_traffic_nowhere()
    {
        var split = Valid with { Backends = [new() { Service = "a", Weight = 0 }, new() { Service = "b", Weight = 0 }] };

        var problem = Assert.Single(split.Validate());
        Assert.Equal("backends", problem.Path);
    }

    [Fact]
    public void Duplicate_backends_and_duplicate_matches_are_named_by_the_later_index()
    {
        var split = Valid with
        {
            Backends = [new() { Service = "a", Weight = 1 }, new() { Service = "a", Weight = 2 }],
            Matches = [new() { PathPrefix = "/beta" }, new() { Headers = [new() { Name = "x-canary", Value = "1" }] }, new() { PathPrefix = "/beta" }],
        };

        var problems = split.Validate().ToList();

        Assert.Contains(problems, p => p.Path == "backends[1]" && p.Reason == "duplicates backends[0]");
        Assert.Contains(problems, p => p.Path == "matches[2]" && p.Reason == "duplicates matches[0]");
    }

    [Fact]
    public void A_match_must_say_something_and_paths_must_be_prefixes()
    {
        var split = Valid with { Matches = [new(), new() { PathPrefix = "api/*", Method = "FETCH" }, new() { Headers = [new() { Name = "bad header", Value = "(", Type = HeaderMatchType.RegularExpression }] }] };

        Assert.Equal(
            ["matches[0]", "matches[1].method", "matches[1].pathPrefix", "matches[2].headers[0].name", "matches[2].headers[0].value"],
            split.Validate().Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Subsets_need_labels_and_a_valid_name()
    {
        var split = Valid with { Backends = [new() { Service = "payment", Weight = 1, Subset = new() { Name = "V1", Labels = Collections.ValueMap.Empty } }] };

        Assert.Equal(["backends[0].subset.labels", "backends[0].subset.name"], split.Validate().Select(p => p.Path).Order(StringComparer.Ordinal));
    }
}
