using System.Net;
using Kubemate.Host.Auth;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Auth;

/// <summary>The OpenID Connect callback URL comes from <c>--public-url</c> (or the listen address), never from the Host header a client sends.</summary>
[Collection(HostCollection.Name)]
public sealed class OidcCallbackUrlTests(HostFixture host)
{
    [Theory]
    [InlineData("https://kubemate.bank.example/", "https://kubemate.bank.example/signin/oidc/callback")]
    [InlineData(null, null)]
    public async Task The_callback_url_sent_to_the_provider_ignores_the_requests_host_header(string? publicUrl, string? expected)
    {
        await using var provider = await MinimalOpenIdProvider.StartAsync();
        await using var running = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with
        {
            Users = [],
            UsersSource = "token-file",
            Oidc = new OidcSignInOptions(provider.Issuer, MinimalOpenIdProvider.ClientId, MinimalOpenIdProvider.ClientSecret)
            {
                PublicUrl = publicUrl is null ? null : new Uri(publicUrl),
            },
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = running.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/signin/oidc?returnUrl=/");
        request.Headers.Host = "attacker.example";

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        var callback = query["redirect_uri"];
        Assert.Equal(expected ?? new Uri(running.Url, "/signin/oidc/callback").ToString(), callback);
        Assert.DoesNotContain("attacker.example", callback);
    }
}
