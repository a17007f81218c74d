using System.Text;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Tests.Validation;

/// <summary>
/// Posts an object a real API server refuses and checks the sandbox refuses it the same way (status code, reason,
/// exact message, cause fields and reasons) and stores nothing: the store's revision stays put and the object
/// reads back 404.
/// </summary>
internal static class RefusedWrites
{
    public static async Task AssertRefusedAndNotStored(
        SandboxServerFixture fixture, string what, string collection, string body, int code, string reason, string message, string[] causes)
    {
        using var client = fixture.Client();
        var ns = await client.CreateUniqueNamespaceAsync("valid-");
        var path = collection.Replace("{ns}", ns, StringComparison.Ordinal);
        using var http = fixture.Http();
        var before = fixture.Server.Store.Revision;

        using var response = await http.PostAsync(path, Json(body));

        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(code == (int)response.StatusCode, $"{what}: expected {code}, got {(int)response.StatusCode}: {status}");
        Assert.Equal(reason, status["reason"]!.GetValue<string>());
        Assert.Equal(message, status["message"]!.GetValue<string>());
        var actual = (status["details"]?["causes"] as JsonArray ?? [])
            .Select(c => $"{c!["field"]} {c["reason"]}")
            .ToArray();
        Assert.Equal(causes, actual);
        Assert.Equal(before, fixture.Server.Store.Revision);
        using var read = await http.GetAsync(path + "/x");
        Assert.Equal(404, (int)read.StatusCode);
    }

    /// <summary>Posts <paramref name="body"/> to <paramref name="collection"/> in a new namespace; returns the namespace and the answer.</summary>
    public static async Task<(string Namespace, HttpResponseMessage Response)> PostInNewNamespaceAsync(SandboxServerFixture fixture, string collection, string body)
    {
        using var client = fixture.Client();
        var ns = await client.CreateUniqueNamespaceAsync("valid-");
        using var http = fixture.Http();
        var response = await http.PostAsync(collection.Replace("{ns}", ns, StringComparison.Ordinal), Json(body));
        return (ns, response);
    }

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
