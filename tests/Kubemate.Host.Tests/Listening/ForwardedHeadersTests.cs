using System.Net;
using System.Net.Http.Json;
using Kubemate.Host.Listening;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Listening;

/// <summary>
/// Behind a TLS-terminating proxy named by <c>--trusted-proxy</c>, a request the proxy says was https gets a
/// <c>Secure</c> session cookie; the same header from anyone else changes nothing.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class ForwardedHeadersTests(HostFixture host)
{
    [Theory]
    [InlineData("127.0.0.1/32", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.0/8", false)]
    [InlineData(null, false)]
    public async Task The_session_cookie_is_secure_only_when_a_trusted_proxy_says_the_request_was_https(string? trusted, bool secure)
    {
        var proxies = trusted is null ? [] : new[] { TrustedProxies.Parse(trusted).Network };
        await using var running = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with { TrustedProxies = proxies });
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(running.Url, "/api/v1/session"))
        {
            Content = JsonContent.Create(new { username = "alice", password = "alice-demo" }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("kubemate", StringComparison.Ordinal) && !c.Contains("csrf", StringComparison.Ordinal));
        Assert.Equal(secure, cookie.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("2001:db8::/32")]
    [InlineData("192.0.2.1")]
    public void A_proxy_is_an_address_or_a_range(string text) => Assert.Null(TrustedProxies.Parse(text).Problem);

    [Theory]
    [InlineData("proxy.local")]
    [InlineData("10.0.0.0/33")]
    [InlineData("")]
    public void Anything_else_is_refused_with_an_example(string text) =>
        Assert.Contains("is not an address or CIDR range (for example 10.0.0.0/8)", TrustedProxies.Parse(text).Problem, StringComparison.Ordinal);
}
