using Kubemate.Model.Resilience;

namespace Kubemate.Model.Tests;

public class ResilienceValidationTests
{
    private static readonly ResiliencePolicy Reads = new()
    {
        Name = "payment-reads",
        Namespace = "payment",
        Service = "payment",
        Port = 8080,
        Matches = [new() { Method = "GET" }],
        Retry = new RetryPolicy { On = ["5xx", "503", "500-504"], Limit = 2, PerTryTimeout = "250ms" },
        Timeouts = new RouteTimeouts { Request = "1m30s" },
    };

    [Fact]
    public void Retrying_idempotent_reads_is_valid() => Assert.Empty(Reads.Validate());

    [Fact]
    public void Retrying_every_method_needs_an_explicit_opt_in()
    {
        var everything = Reads with { Matches = [] };

        Assert.Equal("retry.allowNonIdempotent", Assert.Single(everything.Validate()).Path);
        Assert.Empty((everything with { Retry = everything.Retry! with { AllowNonIdempotent = true } }).Validate());
    }

    [Fact]
    public void Each_non_idempotent_match_is_named()
    {
        var policy = Reads with { Matches = [new() { Method = "GET" }, new() { Method = "PATCH" }, new() { PathPrefix = "/api" }] };

        Assert.Equal(["matches[1].method", "matches[2].method"], policy.Validate().Select(p => p.Path));
    }

    [Fact]
    public void Opting_in_where_nothing_needs_it_is_refused_so_models_stay_canonical()
    {
        var policy = Reads with { Retry = Reads.Retry! with { AllowNonIdempotent = true } };

        Assert.Equal("retry.allowNonIdempotent", Assert.Single(policy.Validate()).Path);
    }

    [Fact]
    public void Grpc_retries_take_only_retryable_status_codes()
    {
        var policy = Reads with
        {
            Protocol = RouteProtocol.Grpc,
            Matches = [new() { GrpcService = "bank.Payment" }],
            Retry = new RetryPolicy { On = ["unavailable", "5xx", "permission-denied"] },
        };

        Assert.Equal(["retry.on[1]", "retry.on[2]"], policy.Validate().Select(p => p.Path));
    }

    [Fact]
    public void Bad_conditions_limits_and_durations_are_all_reported()
    {
        var policy = Reads with
        {
            Retry = new RetryPolicy { On = ["5xx", "5xx", "teapot", "600"], Limit = 0, PerTryTimeout = "5 seconds" },
            Timeouts = new RouteTimeouts { Request = "0ms", Idle = "1d" },
        };

        Assert.Equal(
            ["retry.limit", "retry.on", "retry.on[2]", "retry.on[3]", "retry.perTryTimeout", "timeouts.idle", "timeouts.request"],
            policy.Validate().Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_policy_must_set_something()
    {
        var policy = Reads with { Retry = null, Timeouts = null };

        Assert.Equal("", Assert.Single(policy.Validate()).Path);
    }
}
