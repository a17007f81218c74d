using System.Net;
using System.Net.Http.Json;
using Kubemate.Host.Limits;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Auth;

/// <summary>
/// Failed sign-ins are throttled per user name (5 a minute) and per client address (20 a minute) with 429 and
/// Retry-After; on a host of its own, so that the throttled name and address do not disturb the other tests.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SignInThrottleTests(HostFixture host) : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Two_hundred_wrong_passwords_are_mostly_429_with_retry_after_while_another_user_from_another_address_signs_in()
    {
        var limits = new RequestLimits();
        using var attacker = LoopbackClient.From(_host.Url, "127.0.0.2");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var response = await attacker.Http.PostAsJsonAsync("/api/v1/session", new { username = "olivia", password = $"guess-{attempt}" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta;
                Assert.True(retryAfter > TimeSpan.Zero && retryAfter <= limits.SignInWindow, $"Retry-After: {response.Headers.RetryAfter}");
                var problem = await Json.ProblemAsync(response, HttpStatusCode.TooManyRequests);
                Assert.Contains("too many failed sign-ins", (string?)problem["detail"], StringComparison.Ordinal);
            }
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, limits.SignInFailuresPerUser), statuses.Take(limits.SignInFailuresPerUser));
        Assert.All(statuses.Skip(limits.SignInFailuresPerUser), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // Throttled before the password is checked: the right one does not get through either.
        using var right = await attacker.Http.PostAsJsonAsync("/api/v1/session", new { username = "olivia", password = "olivia-demo" });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);

        using var alice = await ApiClient.SignInAsync(LoopbackClient.From(_host.Url, "127.0.0.3"), "alice", "alice-demo");
        Assert.Equal("alice", (string?)(await alice.GetJsonAsync("/api/v1/session"))["user"]);
    }

    [Fact]
    public async Task Wrong_passwords_for_many_names_from_one_address_are_throttled_by_the_address()
    {
        var limits = new RequestLimits();
        using var sprayer = LoopbackClient.From(_host.Url, "127.0.0.4");
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < limits.SignInFailuresPerAddress + 10; attempt++)
        {
            using var response = await sprayer.Http.PostAsJsonAsync("/api/v1/session", new { username = $"user-{attempt}", password = "spring2026" });
            statuses.Add(response.StatusCode);
        }
        Assert.All(statuses.Take(limits.SignInFailuresPerAddress), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(limits.SignInFailuresPerAddress), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));

        // The throttle is the address's, not the names': audrey signs in from elsewhere.
        using var audrey = await ApiClient.SignInAsync(LoopbackClient.From(_host.Url, "127.0.0.5"), "audrey", "audrey-demo");
        Assert.Equal("audrey", (string?)(await audrey.GetJsonAsync("/api/v1/session"))["user"]);
    }

    [Fact]
    public async Task Successful_sign_ins_count_nothing()
    {
        var limits = new RequestLimits();
        for (var attempt = 0; attempt < limits.SignInFailuresPerAddress + 5; attempt++)
        {
            using var client = await ApiClient.SignInAsync(LoopbackClient.From(_host.Url, "127.0.0.6"), "audrey", "audrey-demo");
        }
    }

    [Fact]
    public async Task The_sign_in_form_sends_a_throttled_browser_back_to_the_form_saying_so()
    {
        var limits = new RequestLimits();
        var (cookie, field) = await AntiforgeryForm.TokensAsync(_host);
        using var browser = LoopbackClient.From(_host.Url, "127.0.0.7");
        browser.Cookies.Add(_host.Url, cookie);
        var locations = new List<string>();
        for (var attempt = 0; attempt <= limits.SignInFailuresPerUser; attempt++)
        {
            using var response = await browser.Http.PostAsync("/account/signin",
                AntiforgeryForm.Content(field, ("username", "alice"), ("password", "wrong"), ("returnUrl", "/mesh")));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            locations.Add(response.Headers.Location!.OriginalString);
        }
        Assert.All(locations.SkipLast(1), l => Assert.Equal("/account/signin?error=invalid&returnUrl=%2Fmesh", l));
        Assert.Equal("/account/signin?error=throttled&returnUrl=%2Fmesh", locations[^1]);
    }
}
