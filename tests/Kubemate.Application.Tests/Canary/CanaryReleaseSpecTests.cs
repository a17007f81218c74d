using Kubemate.Application.Canary.Resource;
using Kubemate.Model.Traffic;
using static Kubemate.Application.Tests.Canary.CanaryReleases;

namespace Kubemate.Application.Tests.Canary;

/// <summary>The rules a structural schema cannot state, each reported with the field and the reason.</summary>
public sealed class CanaryReleaseSpecTests
{
    [Fact]
    public void The_test_specs_of_every_mode_are_valid()
    {
        Assert.Empty(Full().Validate("spec"));
        Assert.Empty(Manual().Validate("spec"));
        Assert.Empty(AB().Validate("spec"));
    }

    public static TheoryData<string> BadSpecNames => [.. BadSpecs.Keys];

    [Theory]
    [MemberData(nameof(BadSpecNames))]
    public void A_bad_spec_is_reported_with_the_field_and_the_reason(string name)
    {
        var (spec, field, reason) = BadSpecs[name];
        var problems = spec.Validate("spec").ToList();
        Assert.True(problems.Any(p => p.Path == field && p.Reason.Contains(reason, StringComparison.Ordinal)),
            $"{name}: expected {field}: …{reason}…, got {string.Join(" | ", problems)}");
    }

    private static readonly Dictionary<string, (CanaryReleaseSpec Spec, string Field, string Reason)> BadSpecs = new()
    {
        ["same backends"] = (Full() with { Canary = "orders-v1" }, "spec.canary", "is also the stable backend"),
        ["canary is the service"] = (Full() with { Canary = "orders" }, "spec.canary", "is the Service being split"),
        ["bad name"] = (Full() with { Stable = "Orders_V1" }, "spec.stable", "not a valid DNS-1123 label"),
        ["no steps"] = (Progressive() with { Steps = [] }, "spec.steps", "at least one step"),
        ["weights go down"] = (Progressive(Step(25), Step(10)), "spec.steps[1].weight", "does not increase on the previous step's 25"),
        ["weight 100"] = (Progressive(Step(50), Step(100)), "spec.steps[1].weight", "promotion takes the canary to 100"),
        ["bad pause"] = (Progressive(Step(5, pause: "a while")), "spec.steps[0].pause", "not a duration"),
        ["steps in manual"] = (Manual() with { Steps = [Step(5)] }, "spec.steps", "steps are for mode progressive, not manual"),
        ["weight in progressive"] = (Progressive() with { Weight = 5 }, "spec.weight", "in mode manual only, not progressive"),
        ["weight over 100"] = (Manual() with { Weight = 101 }, "spec.weight", "101 is not a percent from 0 to 100"),
        ["ab in progressive"] = (Progressive() with { Ab = AB().Ab }, "spec.ab", "ab is for mode ab, not progressive"),
        ["ab without match"] = (AB() with { Ab = new AbMatch { Duration = "5m" } }, "spec.ab", "at least one header or cookie"),
        ["ab bad header"] = (AB() with { Ab = AB().Ab! with { Headers = [new HeaderMatch { Name = "x canary", Value = "1" }] } }, "spec.ab.headers[0].name", "not an HTTP header name"),
        ["ab bad cookie"] = (AB() with { Ab = AB().Ab! with { Cookies = [new CookieMatch("can;ary", "1")] } }, "spec.ab.cookies[0].name", "not a cookie name"),
        ["ab missing"] = (AB() with { Ab = null }, "spec.ab", "mode ab needs"),
        ["no thresholds"] = (Full() with { Analysis = Analysis with { SuccessRate = null, LatencyP99 = new() } }, "spec.analysis", "at least one threshold"),
        ["rate over 1"] = (Full() with { Analysis = Analysis with { SuccessRate = new(Min: 99) } }, "spec.analysis.successRate.min", "not a fraction"),
        ["ratio below 1"] = (Full() with { Analysis = Analysis with { LatencyP99 = new(MaxRatio: 0.5) } }, "spec.analysis.latencyP99.maxRatio", "at least 1"),
        ["zero p99"] = (Full() with { Analysis = Analysis with { LatencyP99 = new(MaxMs: 0) } }, "spec.analysis.latencyP99.maxMs", "above 0"),
        ["guard below 1"] = (Full() with { Analysis = Analysis with { RequestRate = new(0.9) } }, "spec.analysis.requestRate.maxRatio", "at least 1"),
        ["no requests"] = (Full() with { Analysis = Analysis with { MinRequests = 0 } }, "spec.analysis.minRequests", "at least 1"),
        ["no failed checks"] = (Full() with { Analysis = Analysis with { FailedChecks = 0 } }, "spec.analysis.failedChecks", "at least 1"),
        ["bad interval"] = (Full() with { Analysis = Analysis with { Interval = "often" } }, "spec.analysis.interval", "not a duration"),
        ["webhook url"] = (Full() with { Webhooks = [new CanaryWebhook { Name = "a", Type = WebhookType.StepGate, Url = "ftp://x/y" }] }, "spec.webhooks[0].url", "not an absolute http or https URL"),
        ["webhook twice"] = (Full() with { Webhooks = [Full().Webhooks[0], Full().Webhooks[0]] }, "spec.webhooks[1].name", "names an earlier webhook too"),
        ["deadline"] = (Full() with { ProgressDeadline = "never" }, "spec.progressDeadline", "not a duration"),
    };
}
