using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;

namespace Kubemate.Sandbox.Tests;

/// <summary>
/// Bodies nested too deep or expanding too far (YAML aliases) are refused with a Status naming the limit, the
/// server stays up, and nothing is stored. A real apiserver answers 400 BadRequest to a body its decoder refuses
/// (its own JSON depth limit is 10,000) and 413 to one over its size limit; the sandbox does the same.
/// </summary>
public sealed class BodyLimitTests(SandboxServerFixture fixture) : IClassFixture<SandboxServerFixture>
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";

    public static IEnumerable<object[]> TooDeep() =>
    [
        ["JSON nested 100,000 levels", "application/json", Json(new string('[', 100_000) + new string(']', 100_000)), $"limit of {JsonLimits.MaxDepth} levels"],
        ["JSON one level over the limit", "application/json", Json(Nested(JsonLimits.MaxDepth)), $"limit of {JsonLimits.MaxDepth} levels"],
        ["YAML nested 100,000 levels", "application/yaml", Yaml(new string('[', 100_000) + new string(']', 100_000)), $"limit of {JsonLimits.MaxDepth} levels"],
        ["a YAML alias bomb", "application/yaml", AliasBomb(), "limit of"],
    ];

    [Theory]
    [MemberData(nameof(TooDeep))]
    public async Task A_body_over_a_limit_is_400_naming_the_limit_and_stores_nothing(string what, string mediaType, string body, string limit)
    {
        var (status, answer) = await PostAsync(mediaType, body);

        Assert.True(status == HttpStatusCode.BadRequest, $"{what}: {(int)status} {answer}");
        Assert.Equal("BadRequest", answer["reason"]!.GetValue<string>());
        Assert.Contains(limit, answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNotStoredAsync();
    }

    [Fact]
    public async Task A_yaml_body_whose_aliases_expand_past_the_body_limit_is_413_and_stores_nothing()
    {
        // 1,000 one-character values repeated 1,000 times: 10^6 nodes and characters, under those limits, but
        // several MiB of JSON once expanded, from a body of a few KiB.
        var row = "[" + string.Join(',', Enumerable.Repeat("x", 1000)) + "]";
        var body = $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: refused\nrow: &row {row}\nrows: [{string.Join(',', Enumerable.Repeat("*row", 1000))}]\n";
        Assert.True(body.Length < 8 * 1024);

        var (status, answer) = await PostAsync("application/yaml", body);

        Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{(int)status} {answer}");
        Assert.Equal("RequestEntityTooLarge", answer["reason"]!.GetValue<string>());
        Assert.Contains("limit is 3145728", answer["message"]!.GetValue<string>(), StringComparison.Ordinal);
        await AssertNotStoredAsync();
    }

    [Fact]
    public async Task An_object_exactly_at_the_limit_is_stored_and_read_back_whole()
    {
        using var http = fixture.Http();
        var body = $$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"at-the-limit"},"x":{{Nested(JsonLimits.MaxDepth - 1)}}}""";

        using var created = await http.PostAsync(ConfigMaps, new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var read = JsonNode.Parse(await http.GetStringAsync($"{ConfigMaps}/at-the-limit"), documentOptions: JsonLimits.Stored)!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Nested(JsonLimits.MaxDepth - 1), documentOptions: JsonLimits.Stored), read["x"]));
    }

    [Fact]
    public async Task A_patch_that_would_nest_an_object_past_the_limit_is_422_naming_the_field_and_changes_nothing()
    {
        using var http = fixture.Http();
        var half = JsonLimits.MaxDepth / 2;
        var body = $$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deepened"},"x":{{NestedObjects(half)}}}""";
        using (var created = await http.PostAsync(ConfigMaps, new StringContent(body, Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var before = fixture.Server.Store.Revision;
        var pointer = "/x" + string.Concat(Enumerable.Repeat("/a", half - 1)) + "/b";
        var patch = $$"""[{"op":"add","path":"{{pointer}}","value":{{NestedObjects(half)}}}]""";

        using var request = new HttpRequestMessage(HttpMethod.Patch, $"{ConfigMaps}/deepened") { Content = new StringContent(patch, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json-patch+json");
        using var response = await http.SendAsync(request);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode} {answer}");
        Assert.Equal("Invalid", answer["reason"]!.GetValue<string>());
        var cause = answer["details"]!["causes"]!.AsArray().Single()!;
        Assert.StartsWith("x.a.a.", cause["field"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"limit of {JsonLimits.MaxDepth} levels", cause["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Server.Store.Revision);
    }

    private async Task<(HttpStatusCode Status, JsonNode Answer)> PostAsync(string mediaType, string body)
    {
        using var http = fixture.Http();
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        using var response = await http.PostAsync(ConfigMaps, content);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>The server still answers, and no object named "refused" exists.</summary>
    private async Task AssertNotStoredAsync()
    {
        using var http = fixture.Http();
        using var response = await http.GetAsync($"{ConfigMaps}/refused");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Json(string x) => $$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"refused"},"x":{{x}}}""";

    private static string Yaml(string x) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: refused\nx: {x}\n";

    /// <summary><paramref name="levels"/> nested arrays around a string.</summary>
    private static string Nested(int levels) => new string('[', levels) + "\"bottom\"" + new string(']', levels);

    /// <summary><paramref name="levels"/> nested objects, each holding the next under "a".</summary>
    private static string NestedObjects(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

    /// <summary>The "billion laughs" of the security review: nine levels of ten aliases each, 10^9 values from 443 bytes.</summary>
    private static string AliasBomb()
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: refused\ndata:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'i'; level++)
        {
            var previous = (char)(level - 1);
            yaml.Append($"  {level}: &{level} [{string.Join(',', Enumerable.Repeat($"*{previous}", 9))}]\n");
        }
        return yaml.ToString();
    }
}
