using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Tests;

/// <summary>Bad input gets the right Status and changes nothing (the store's revision stays where it was).</summary>
public sealed class BadInputTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    public static IEnumerable<object[]> Cases() =>
    [
        ["malformed JSON", "POST", "/api/v1/namespaces/default/configmaps", "application/json", "{\"metadata\": {\"name\": ", 400, "BadRequest"],
        ["malformed YAML", "POST", "/api/v1/namespaces/default/configmaps", "application/yaml", "metadata:\n  name: [unclosed\n", 400, "BadRequest"],
        ["not an object", "POST", "/api/v1/namespaces/default/configmaps", "application/json", "[1,2]", 400, "BadRequest"],
        ["unknown resource", "POST", "/api/v1/namespaces/default/widgets", "application/json", "{}", 404, "NotFound"],
        ["unknown group", "GET", "/apis/example.com/v1/widgets", "application/json", "", 404, "NotFound"],
        ["wrong apiVersion in the body", "POST", "/api/v1/namespaces/default/configmaps", "application/json", """{"apiVersion":"apps/v1","kind":"ConfigMap","metadata":{"name":"x"}}""", 400, "BadRequest"],
        ["wrong kind in the body", "POST", "/api/v1/namespaces/default/configmaps", "application/json", """{"apiVersion":"v1","kind":"Secret","metadata":{"name":"x"}}""", 400, "BadRequest"],
        ["invalid name", "POST", "/api/v1/namespaces/default/configmaps", "application/json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}""", 422, "Invalid"],
        ["missing name", "POST", "/api/v1/namespaces/default/configmaps", "application/json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{}}""", 422, "Invalid"],
        ["invalid label value", "POST", "/api/v1/namespaces/default/configmaps", "application/json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ok","labels":{"app":"-bad-"}}}""", 422, "Invalid"],
        ["unknown namespace", "POST", "/api/v1/namespaces/nowhere/configmaps", "application/json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ok"}}""", 404, "NotFound"],
        ["unsupported media type", "POST", "/api/v1/namespaces/default/configmaps", "text/plain", "name=x", 415, "UnsupportedMediaType"],
        ["strategic merge patch on a missing object", "PATCH", "/api/v1/namespaces/default/configmaps/absent", "application/strategic-merge-patch+json", "{}", 404, "NotFound"],
        ["invalid JSON patch", "PATCH", "/api/v1/namespaces/default/configmaps/present", "application/json-patch+json", """[{"op":"replace","path":"/data/nope","value":"x"}]""", 422, "Invalid"],
        ["apply without a field manager", "PATCH", "/api/v1/namespaces/default/configmaps/present", "application/apply-patch+yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: present\n", 422, "Invalid"],
        ["name mismatch on update", "PUT", "/api/v1/namespaces/default/configmaps/present", "application/json", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}""", 400, "BadRequest"],
        ["bad label selector", "GET", "/api/v1/namespaces/default/configmaps?labelSelector=a%20in%20(", "application/json", "", 400, "BadRequest"],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_gets_the_right_status_and_changes_nothing(string what, string method, string path, string contentType, string body, int code, string reason)
    {
        using var http = fixture.Http();
        await EnsurePresent(http);
        var before = fixture.Server.Store.Revision;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method != "GET")
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        using var response = await http.SendAsync(request);
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(code == (int)response.StatusCode, $"{what}: expected {code}, got {(int)response.StatusCode}: {status}");
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal(reason, status["reason"]!.GetValue<string>());
        Assert.Equal(code, status["code"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(status["message"]!.GetValue<string>()));
        Assert.Equal(before, fixture.Server.Store.Revision);
    }

    [Fact]
    public async Task Invalid_names_are_reported_as_causes_naming_the_field()
    {
        using var http = fixture.Http();
        var response = await http.PostAsync("/api/v1/namespaces/default/configmaps",
            new StringContent("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}}""", Encoding.UTF8, "application/json"));
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var cause = status["details"]!["causes"]!.AsArray().Single()!;
        Assert.Equal("metadata.name", cause["field"]!.GetValue<string>());
        Assert.Equal("FieldValueInvalid", cause["reason"]!.GetValue<string>());
        Assert.Contains("RFC 1123 subdomain", cause["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_body_over_three_mebibytes_is_413_and_changes_nothing()
    {
        using var http = fixture.Http();
        var before = fixture.Server.Store.Revision;
        var huge = new string('x', 3 * 1024 * 1024 + 10);
        var response = await http.PostAsync("/api/v1/namespaces/default/configmaps",
            new StringContent("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"huge"},"data":{"x":" """ + huge + "\"}}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, fixture.Server.Store.Revision);
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_401()
    {
        using var anonymous = new HttpClient(fixture.Server.Certificates.CreateTrustingHandler()) { BaseAddress = fixture.Server.Url };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/namespaces")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/namespaces")).StatusCode);
    }

    private static async Task EnsurePresent(HttpClient http)
    {
        await http.PostAsync("/api/v1/namespaces/default/configmaps",
            new StringContent("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"present"},"data":{"a":"1"}}""", Encoding.UTF8, "application/json"));
    }
}
