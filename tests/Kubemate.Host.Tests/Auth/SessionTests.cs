using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Auth;

[Collection(HostCollection.Name)]
public sealed class SessionTests(HostFixture host)
{
    [Fact]
    public async Task Password_sign_in_sets_a_strict_http_only_cookie_and_returns_the_user_and_csrf_token()
    {
        using var client = ApiClient.Anonymous(host.Url);
        using var response = await client.Http.PostAsJsonAsync("/api/v1/session", new { username = "olivia", password = "olivia-demo" });
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("olivia", (string?)body["user"]);
        Assert.Equal(["team-orders"], body["groups"]!.AsArray().Select(g => (string?)g));
        Assert.False(string.IsNullOrEmpty((string?)body["csrfToken"]));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("kubemate.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var whoami = await client.GetJsonAsync("/api/v1/session");
        Assert.Equal("olivia", (string?)whoami["user"]);
    }

    [Fact]
    public async Task Token_sign_in_knows_the_sandbox_users_tokens()
    {
        using var client = ApiClient.Anonymous(host.Url);
        using var response = await client.Http.PostAsJsonAsync("/api/v1/session", new { token = host.TokenOf("audrey") });
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("audrey", (string?)body["user"]);
        Assert.Equal(["auditors"], body["groups"]!.AsArray().Select(g => (string?)g));
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_and_no_session()
    {
        using var client = ApiClient.Anonymous(host.Url);
        using var response = await client.Http.PostAsJsonAsync("/api/v1/session", new { username = "olivia", password = "alice-demo" });
        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
        using var whoami = await client.GetAsync("/api/v1/session");
        await Json.ProblemAsync(whoami, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sandbox_admin_token_is_not_a_sign_in()
    {
        using var client = ApiClient.WithBearer(host.Url, host.Sandbox.Admin.Token);
        using var response = await client.GetAsync("/api/v1/namespaces");
        await Json.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Cookie_requests_without_the_csrf_header_are_refused_and_change_nothing()
    {
        using var client = await host.SignInAsync("alice");
        var token = client.CsrfToken;
        client.CsrfToken = null;
        var before = await ClusterSnapshot.TakeAsync(host.Admin());
        using var refused = await client.PostAsync("/api/v1/changesets/apply", ConfigMapChange("csrf-probe"));
        var problem = await Json.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("X-CSRF-Token", (string?)problem["detail"]);
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(host.Admin()));

        client.CsrfToken = "not-the-token";
        using var forged = await client.PostAsync("/api/v1/changesets/preview", ConfigMapChange("csrf-probe"));
        await Json.ProblemAsync(forged, HttpStatusCode.Forbidden);

        client.CsrfToken = token;
        using var accepted = await client.PostAsync("/api/v1/changesets/preview", ConfigMapChange("csrf-probe"));
        await Json.ReadAsync(accepted, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Bearer_token_requests_need_no_csrf_header()
    {
        using var client = host.Bearer("alice");
        using var response = await client.PostAsync("/api/v1/changesets/preview", ConfigMapChange("bearer-probe"));
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);
        Assert.Equal("Create", (string?)body["objects"]![0]!["operation"]);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await host.SignInAsync("audrey");
        using var signOut = await client.DeleteAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        using var whoami = await client.GetAsync("/api/v1/session");
        await Json.ProblemAsync(whoami, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Browser_pages_redirect_to_the_sign_in_page_while_the_api_answers_401()
    {
        using var client = ApiClient.Anonymous(host.Url);
        using var api = await client.GetAsync("/api/v1/namespaces");
        await Json.ProblemAsync(api, HttpStatusCode.Unauthorized);

        using var signOut = await client.Http.PostAsync("/account/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains("/account/signin?returnUrl=%2Faccount%2Fsignout", signOut.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_sign_in_redirects_to_local_return_urls_only()
    {
        using var client = ApiClient.Anonymous(host.Url);
        var (cookie, field) = await AntiforgeryForm.TokensAsync(host);
        client.Cookies.Add(host.Url, cookie);

        using var ok = await client.Http.PostAsync("/account/signin", AntiforgeryForm.Content(field, ("username", "alice"), ("password", "alice-demo"), ("returnUrl", "/mesh?ns=web")));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/mesh?ns=web", ok.Headers.Location!.OriginalString);
        Assert.Equal("alice", (string?)(await client.GetJsonAsync("/api/v1/session"))["user"]);

        using var other = ApiClient.Anonymous(host.Url);
        other.Cookies.Add(host.Url, cookie);
        using var bad = await other.Http.PostAsync("/account/signin", AntiforgeryForm.Content(field, ("username", "alice"), ("password", "wrong"), ("returnUrl", "https://evil.example/")));
        Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
        Assert.Equal("/account/signin?error=invalid&returnUrl=%2F", bad.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Form_sign_in_without_the_antiforgery_token_is_refused()
    {
        using var client = ApiClient.Anonymous(host.Url);
        using var response = await client.Http.PostAsync("/account/signin",
            new FormUrlEncodedContent([new("username", "alice"), new("password", "alice-demo"), new("returnUrl", "/")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var whoami = await client.GetAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }

    private static JsonObject ConfigMapChange(string name) => ChangeSets.Objects(ChangeSets.ConfigMap("default", name, "v"));
}
