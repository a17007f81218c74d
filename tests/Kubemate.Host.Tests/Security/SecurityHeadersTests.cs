using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kubemate.Host.Security;
using Kubemate.Host.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Tests.Security;

/// <summary>
/// Every answer carries the security headers and no Server header, successes and errors alike; redirects never
/// take the client's Host header; the anonymous cluster info names no file.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class SecurityHeadersTests(HostFixture host) : IAsyncLifetime
{
    private RunningHost _host = null!;

    public async Task InitializeAsync() => _host = await RunningHost.StartAsync(host.Options(host.FreshAuditStore()) with
    {
        ClusterInfo = new Dictionary<string, string?>
        {
            ["kubeconfig"] = "/home/kubemate/.kubemate/kubeconfig",
            ["dataDir"] = "~/.kubemate",
            ["audit"] = "./audit.db",
            ["kubeconfigWritten"] = "true",
        },
        ConfigureApp = app =>
        {
            app.MapGet("/boom", IResult () => throw new InvalidOperationException("a bug")).AllowAnonymous();
            app.MapGet("/page", () => Results.Content("<p>hello</p>", "text/html")).RequireAuthorization();
        },
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("GET", "/healthz", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/cluster", null, HttpStatusCode.OK)]
    [InlineData("GET", "/openapi/v1.json", null, HttpStatusCode.OK)]
    [InlineData("GET", "/api/v1/namespaces", null, HttpStatusCode.Unauthorized)]
    [InlineData("GET", "/api/v1/nothing-here", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/page", null, HttpStatusCode.Redirect)]
    [InlineData("GET", "/no-such-page", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/boom", null, HttpStatusCode.InternalServerError)]
    [InlineData("POST", "/api/v1/session", "{\"username\": ", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/v1/session", "{\"username\": \"nobody\", \"password\": \"x\"}", HttpStatusCode.Unauthorized)]
    public async Task Every_answer_carries_the_security_headers_and_no_server_header(string method, string path, string? body, HttpStatusCode expected)
    {
        using var client = ApiClient.Anonymous(_host.Url);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Signed_in_answers_and_changes_carry_them_too()
    {
        using var alice = await ApiClient.SignInAsync(_host.Url, "alice", "alice-demo");
        using var page = await alice.GetAsync("/page");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertSecurityHeaders(page);
        using var preview = await alice.PostAsync("/api/v1/changesets/preview", ChangeSets.Objects(ChangeSets.ConfigMap("default", "headers-probe", "v")));
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        AssertSecurityHeaders(preview);
    }

    [Fact]
    public async Task Redirects_are_paths_of_this_site_whatever_the_host_header_says()
    {
        using var client = ApiClient.Anonymous(_host.Url);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/page");
        request.Headers.Host = "evil.example";
        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin?returnUrl=%2Fpage", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_anonymous_cluster_info_names_no_file()
    {
        using var client = ApiClient.Anonymous(_host.Url);
        var text = await client.Http.GetStringAsync("/api/v1/cluster");
        var info = JsonNode.Parse(text)!.AsObject();

        Assert.Equal("true", (string?)info["kubeconfigWritten"]);
        Assert.False(info.ContainsKey("kubeconfig"), text);
        Assert.False(info.ContainsKey("dataDir"), text);
        Assert.False(info.ContainsKey("audit"), text);
        Assert.DoesNotContain(".kubemate", text, StringComparison.Ordinal);
        Assert.DoesNotContain("audit.db", text, StringComparison.Ordinal);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Server"), $"Server: {string.Join(", ", response.Headers.Server)}");
    }
}
