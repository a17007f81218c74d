using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Host.Auth;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Auth;

[Collection(HostCollection.Name)]
public sealed class OidcSignInTests(HostFixture host) : IAsyncLifetime
{
    private MinimalOpenIdProvider _provider = null!;
    private RunningHost _host = null!;

    public async Task InitializeAsync()
    {
        _provider = await MinimalOpenIdProvider.StartAsync();
        _host = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with
        {
            Users = [],
            UsersSource = "token-file",
            Oidc = new OidcSignInOptions(_provider.Issuer, MinimalOpenIdProvider.ClientId, MinimalOpenIdProvider.ClientSecret),
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task Oidc_sign_in_maps_the_email_and_groups_claims_to_the_impersonated_user()
    {
        _provider.User["sub"] = "0001";
        _provider.User["email"] = "dana@bank.example";
        _provider.User["groups"] = new[] { "auditors" };
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = _host.Url };

        var session = JsonNode.Parse(await http.GetStringAsync("/signin/oidc?returnUrl=/api/v1/session"))!;
        Assert.Equal("dana@bank.example", (string?)session["user"]);
        Assert.Equal(["auditors"], session["groups"]!.AsArray().Select(g => (string?)g));

        var namespaces = JsonNode.Parse(await http.GetStringAsync("/api/v1/namespaces"))!.AsArray();
        Assert.Contains(namespaces, n => (string?)n!["name"] == "payments");

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/changesets/apply")
        {
            Content = new StringContent(ChangeSets.Objects(ChangeSets.ConfigMap("default", "by-dana", "1")).ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-CSRF-Token", (string)session["csrfToken"]!);
        using var denied = await http.SendAsync(request);
        var problem = await Json.ProblemAsync(denied, HttpStatusCode.Forbidden);
        Assert.Contains("dana@bank.example", (string?)problem["detail"]);
    }

    [Fact]
    public async Task An_id_token_without_the_username_claim_does_not_sign_in()
    {
        _provider.User.Clear();
        _provider.User["sub"] = "0002";
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = true }) { BaseAddress = _host.Url };
        using var response = await http.GetAsync("/signin/oidc?returnUrl=/api/v1/session");
        Assert.EndsWith("/account/signin?error=oidc", response.RequestMessage!.RequestUri!.ToString(), StringComparison.Ordinal);
        using var whoami = await http.GetAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }
}
