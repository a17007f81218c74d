using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Application.Limits;
using Kubemate.Host.Limits;
using Microsoft.Extensions.DependencyInjection;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Limits;

/// <summary>
/// Changing calls are limited per user by a token bucket (here 3 at once, refilled once a minute, on a host of its
/// own): the next call answers 429 with Retry-After and a problem naming the limit, for that user only.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class MutationRateLimitTests(HostFixture host) : IAsyncLifetime
{
    private static readonly RequestLimits Limits = new() { MutationBurst = 3, MutationsPerMinute = 1 };

    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with { Limits = Limits });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_call_after_the_burst_is_a_429_with_retry_after_for_that_user_only()
    {
        using var alice = ApiClient.WithBearer(_host.Url, host.TokenOf("alice"));
        for (var call = 0; call < Limits.MutationBurst; call++)
        {
            using var exported = await alice.PostAsync("/api/v1/changesets/apply", Export($"burst-{call}"));
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        }
        var head = await AuditHeadAsync();

        using var refused = await alice.PostAsync("/api/v1/changesets/apply", Export("one-too-many"));
        var problem = await Json.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("1 changing calls per minute (bursts of 3) per user", (string?)problem["detail"], StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= TimeSpan.FromMinutes(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal(head, await AuditHeadAsync());

        // Previews and the other changing calls share the bucket; reads do not use it.
        using var preview = await alice.PostAsync("/api/v1/changesets/preview", Export("preview"));
        await Json.ProblemAsync(preview, HttpStatusCode.TooManyRequests);
        using var plan = await alice.PostAsync("/api/v1/namespaces/orders/mesh/plan", new JsonObject { ["enable"] = true });
        await Json.ProblemAsync(plan, HttpStatusCode.TooManyRequests);
        Assert.Equal("alice", (string?)(await alice.GetJsonAsync("/api/v1/session"))["user"]);

        // Another user has a bucket of their own, whether signed in by token or by session cookie.
        using var olivia = await ApiClient.SignInAsync(_host.Url, "olivia", "olivia-demo");
        using var theirs = await olivia.PostAsync("/api/v1/changesets/apply", Export("olivia"));
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode);

        // The console's changes draw on the same buckets: alice cannot go on there, olivia still can.
        var budget = _host.App.Services.GetRequiredService<ChangeBudget>();
        var console = Assert.Throws<TooManyChangesException>(() => budget.Take("alice"));
        Assert.InRange(console.RetryAfterSeconds, 1, 60);
        budget.Take("olivia");
    }

    [Fact]
    public async Task Changes_made_in_the_console_spend_the_bucket_the_rest_api_uses()
    {
        var budget = _host.App.Services.GetRequiredService<ChangeBudget>();
        for (var change = 0; change < Limits.MutationBurst; change++)
        {
            budget.Take("audrey");
        }

        using var audrey = ApiClient.WithBearer(_host.Url, host.TokenOf("audrey"));
        using var refused = await audrey.PostAsync("/api/v1/changesets/apply", Export("after-console"));
        await Json.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
    }

    private static JsonObject Export(string name)
    {
        var body = ChangeSets.Objects(ChangeSets.ConfigMap("orders", name, "v"));
        body["gitops"] = true;
        return body;
    }

    private async Task<long?> AuditHeadAsync() =>
        (await ((Kubemate.Audit.IAuditStore)_host.App.Services.GetService(typeof(Kubemate.Audit.IAuditStore))!).HeadAsync())?.Sequence;
}
