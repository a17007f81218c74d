using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Auth;

/// <summary>
/// Signing out revokes the session on the server: a copy of the cookie taken before (with the CSRF cookie and token)
/// passes no request afterwards, neither a read nor a change.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SessionRevocationTests(HostFixture host)
{
    [Fact]
    public async Task A_cookie_copied_before_the_api_sign_out_passes_nothing_after_it()
    {
        using var alice = await host.SignInAsync("alice");
        using var copy = Copy(alice);
        Assert.Equal("alice", (string?)(await copy.GetJsonAsync("/api/v1/session"))["user"]);

        using var signOut = await alice.DeleteAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        await AssertRevokedAsync(copy);
    }

    [Fact]
    public async Task The_form_sign_out_needs_the_antiforgery_token_and_then_revokes_the_session()
    {
        using var alice = await host.SignInAsync("alice");
        using var copy = Copy(alice);

        using var forged = await alice.Http.PostAsync("/account/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("alice", (string?)(await copy.GetJsonAsync("/api/v1/session"))["user"]);

        using var signOut = await alice.Http.PostAsync("/account/signout", AntiforgeryForm.Content(alice.CsrfToken!));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/signin", signOut.Headers.Location!.OriginalString);

        await AssertRevokedAsync(copy);
    }

    [Fact]
    public async Task Signing_out_one_session_leaves_the_users_other_sessions_alone()
    {
        using var first = await host.SignInAsync("audrey");
        using var second = await host.SignInAsync("audrey");

        using var signOut = await first.DeleteAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        Assert.Equal("audrey", (string?)(await second.GetJsonAsync("/api/v1/session"))["user"]);
    }

    private async Task AssertRevokedAsync(ApiClient copy)
    {
        using var read = await copy.GetAsync("/api/v1/session");
        await Json.ProblemAsync(read, HttpStatusCode.Unauthorized);
        using var namespaces = await copy.GetAsync("/api/v1/namespaces");
        await Json.ProblemAsync(namespaces, HttpStatusCode.Unauthorized);
        var before = await ClusterSnapshot.TakeAsync(host.Admin());
        using var change = await copy.PostAsync("/api/v1/changesets/apply", ChangeSets.Objects(ChangeSets.ConfigMap("default", "revoked-probe", "v")));
        await Json.ProblemAsync(change, HttpStatusCode.Unauthorized);
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(host.Admin()));
    }

    /// <summary>Another client holding the same cookies and CSRF token, as a thief who copied them would.</summary>
    private ApiClient Copy(ApiClient original)
    {
        var copy = ApiClient.Anonymous(host.Url);
        foreach (Cookie cookie in original.Cookies.GetAllCookies())
        {
            copy.Cookies.Add(host.Url, new Cookie(cookie.Name, cookie.Value, cookie.Path));
        }
        copy.CsrfToken = original.CsrfToken;
        return copy;
    }
}
