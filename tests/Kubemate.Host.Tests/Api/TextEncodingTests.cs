using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Api;

/// <summary>
/// Strings that are not text (a byte that is not UTF-8, a lone surrogate escaped as <c>\ud800</c>) and JSON members
/// given twice are bad input like any other: a 400 validation problem whose <c>errors</c> names the field, nothing
/// changed, never a 500.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class TextEncodingTests(HostFixture host)
{
    /// <summary>Where <c>BAD</c> stands in a body, the test puts the byte 0xFF or the escape <c>\ud800</c>.</summary>
    private const string Bad = "BAD";

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var encoding in new[] { "invalid UTF-8", "lone surrogate" })
        {
            data.Add(encoding, "/api/v1/session", """{"username": "alBADice", "password": "alice-demo"}""", "username");
            data.Add(encoding, "/api/v1/session", """{"username": "alice", "password": "BAD"}""", "password");
            data.Add(encoding, "/api/v1/session", """{"token": "BAD"}""", "token");
            data.Add(encoding, "/api/v1/namespaces/web/mesh/plan", """{"enable": true, "workload": "deployment/BAD"}""", "workload");
            data.Add(encoding, "/api/v1/namespaces/web/mesh", """{"enable": true, "workload": "deployment/BAD"}""", "workload");
            data.Add(encoding, "/api/v1/changesets/preview", """{"yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: BAD, namespace: default}\n"}""", "yaml");
            data.Add(encoding, "/api/v1/changesets/preview", """{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "BAD", "namespace": "default"}}]}""", "objects[0].metadata.name");
            data.Add(encoding, "/api/v1/changesets/apply", """{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "namespace": "default"}, "data": {"k": "BAD"}}]}""", "objects[0].data.k");
            data.Add(encoding, "/api/v1/changesets/preview", """{"objects": [], "deletes": [{"apiVersion": "v1", "kind": "ConfigMap", "name": "BAD"}]}""", "deletes[0].name");
            data.Add(encoding, "/api/v1/changesets/apply", """{"previewId": "BAD"}""", "previewId");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_string_that_is_not_text_is_a_400_naming_the_field(string encoding, string path, string body, string field)
    {
        var bytes = encoding == "invalid UTF-8" ? WithByte(body, 0xFF) : Encoding.UTF8.GetBytes(body.Replace(Bad, "\\ud800", StringComparison.Ordinal));
        await AssertRefusedAsync(path, bytes, field);
    }

    public static TheoryData<string, string, string> DuplicateKeys => new()
    {
        { "/api/v1/session", """{"username": "alice", "username": "bob", "password": "alice-demo"}""", "username" },
        { "/api/v1/namespaces/web/mesh/plan", """{"enable": true, "enable": false}""", "enable" },
        { "/api/v1/changesets/preview", """{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "kind": "Secret", "metadata": {"name": "x", "namespace": "default"}}]}""", "objects[0].kind" },
        { "/api/v1/changesets/apply", """{"objects": [{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "namespace": "default"}, "data": {"k": "1", "k": "2"}}]}""", "objects[0].data.k" },
        { "/api/v1/changesets/apply", """{"yaml": "apiVersion: v1", "yaml": "kind: ConfigMap"}""", "yaml" },
    };

    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public async Task A_member_given_twice_is_a_400_naming_it(string path, string body, string field) =>
        await AssertRefusedAsync(path, Encoding.UTF8.GetBytes(body), field);

    [Theory]
    [InlineData("namespace", "%FF")]
    [InlineData("namespace", "%ED%A0%80")]
    [InlineData("kind", "%C3")]
    [InlineData("user", "%FFalice")]
    public async Task A_query_value_that_is_not_UTF_8_is_a_4xx_naming_the_parameter(string parameter, string value)
    {
        using var client = await host.SignInAsync("alice");
        using var response = await client.GetAsync($"/api/v1/audit?{parameter}={value}");
        await Json.ProblemAsync(response, HttpStatusCode.BadRequest, parameter);
    }

    [Theory]
    [InlineData("/mesh\t?ns=web")]
    [InlineData("/\t/evil.example/")]
    public async Task A_return_url_with_a_control_character_signs_in_and_goes_home(string returnUrl)
    {
        using var client = ApiClient.Anonymous(host.Url);
        var (cookie, field) = await AntiforgeryForm.TokensAsync(host);
        client.Cookies.Add(host.Url, cookie);

        using var response = await client.Http.PostAsync("/account/signin", AntiforgeryForm.Content(field, ("username", "alice"), ("password", "alice-demo"), ("returnUrl", returnUrl)));

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Equal("alice", (string?)(await client.GetJsonAsync("/api/v1/session"))["user"]);
    }

    [Fact]
    public async Task A_form_with_a_nul_is_a_400_and_no_session()
    {
        using var client = ApiClient.Anonymous(host.Url);
        var (cookie, field) = await AntiforgeryForm.TokensAsync(host);
        client.Cookies.Add(host.Url, cookie);

        using var response = await client.Http.PostAsync("/account/signin", AntiforgeryForm.Content(field, ("username", "alice"), ("password", "alice-demo"), ("returnUrl", "/mesh\u0000")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var whoami = await client.GetAsync("/api/v1/session");
        Assert.Equal(HttpStatusCode.Unauthorized, whoami.StatusCode);
    }

    [Fact]
    public async Task A_failed_sign_in_with_a_tab_in_the_return_url_goes_back_to_the_form()
    {
        using var client = ApiClient.Anonymous(host.Url);
        var (cookie, field) = await AntiforgeryForm.TokensAsync(host);
        client.Cookies.Add(host.Url, cookie);

        using var response = await client.Http.PostAsync("/account/signin", AntiforgeryForm.Content(field, ("username", "alice"), ("password", "wrong"), ("returnUrl", "/mesh\t")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin?error=invalid&returnUrl=%2F", response.Headers.Location!.OriginalString);
    }

    private async Task AssertRefusedAsync(string path, byte[] body, string field)
    {
        using var admin = host.Admin();
        var before = await ClusterSnapshot.TakeAsync(admin);
        using var client = await host.SignInAsync("alice");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-CSRF-Token", client.CsrfToken);

        using var response = await client.Http.SendAsync(request);

        var problem = await Json.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["errors"]![field]![0]));
        using var version = await client.GetAsync("/api/v1/version");
        Assert.Equal(HttpStatusCode.OK, version.StatusCode);
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(admin));
    }

    private static byte[] WithByte(string body, byte value)
    {
        var at = body.IndexOf(Bad, StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(body[..at]), value, .. Encoding.UTF8.GetBytes(body[(at + Bad.Length)..])];
    }
}
