using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubemate.Host.Tests.Support;

/// <summary>An HTTP client of the Kubemate API as the CLI or console would be: a session cookie plus CSRF token, or a bearer token.</summary>
public sealed class ApiClient : IDisposable
{
    private ApiClient(HttpClient http, CookieContainer cookies)
    {
        Http = http;
        Cookies = cookies;
    }

    public HttpClient Http { get; }

    public CookieContainer Cookies { get; }

    public string? CsrfToken { get; set; }

    public static ApiClient Anonymous(Uri url)
    {
        var cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        return new ApiClient(new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(3) }, cookies);
    }

    /// <summary>A client over a handler of the caller's (e.g. one that connects from another loopback address).</summary>
    public static ApiClient Over(SocketsHttpHandler handler, Uri url) =>
        new(new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(3) }, handler.CookieContainer);

    public static Task<ApiClient> SignInAsync(Uri url, string user, string password) => SignInAsync(Anonymous(url), user, password);

    /// <summary>Signs this client in with a password and keeps the session's CSRF token.</summary>
    public static async Task<ApiClient> SignInAsync(ApiClient client, string user, string password)
    {
        using var response = await client.Http.PostAsJsonAsync("/api/v1/session", new { username = user, password });
        var body = await Json.ReadAsync(response, HttpStatusCode.OK);
        client.CsrfToken = (string?)body["csrfToken"];
        return client;
    }

    public static ApiClient WithBearer(Uri url, string token)
    {
        var client = Anonymous(url);
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpResponseMessage> PostAsync(string path, JsonNode? body) => SendAsync(HttpMethod.Post, path, body?.ToJsonString());

    public Task<HttpResponseMessage> PostRawAsync(string path, string body) => SendAsync(HttpMethod.Post, path, body);

    public Task<HttpResponseMessage> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<HttpResponseMessage> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, null);

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await GetAsync(path);
        return await Json.ReadAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonNode> PostJsonAsync(string path, JsonNode body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await PostAsync(path, body);
        return await Json.ReadAsync(response, expected);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (CsrfToken is not null)
        {
            request.Headers.Add("X-CSRF-Token", CsrfToken);
        }
        return Http.SendAsync(request);
    }

    public void Dispose() => Http.Dispose();
}

public static class Json
{
    /// <summary>The JSON body, after checking the status (the body is shown when it differs).</summary>
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) ?? new JsonObject();
    }

    /// <summary>A problem-details answer with the status, content type and the field named in errors.</summary>
    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected, string? field = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (JsonObject)JsonNode.Parse(text)!;
        Assert.Equal((int)expected, (int?)problem["status"]);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        if (field is not null)
        {
            var errors = problem["errors"] as JsonObject;
            Assert.True(errors is not null && errors.ContainsKey(field), $"errors should name {field}: {text}");
        }
        return problem;
    }
}
