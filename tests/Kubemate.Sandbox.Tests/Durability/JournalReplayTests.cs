using System.Net;
using System.Text;
using Kubemate.ApiMachinery.Json;
using Kubemate.Sandbox.Persistence;

namespace Kubemate.Sandbox.Tests.Durability;

/// <summary>
/// Replay never stops silently: whatever the sandbox accepted comes back after a restart, a torn final line (a
/// write the crash interrupted, never acknowledged) is dropped, and any other unreadable line stops start-up.
/// </summary>
public sealed class JournalReplayTests
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "kubemate-tests", Guid.NewGuid().ToString("n"));

    private string Journal => Path.Combine(_dataDir, "state", "journal.log");

    [Theory]
    [InlineData(63)]
    [InlineData(JsonLimits.MaxDepth - 1)]
    public async Task A_deeply_nested_object_and_every_later_write_come_back_after_a_restart(int levels)
    {
        var acknowledged = new Dictionary<string, byte[]>();
        await using (var server = await StartAsync())
        {
            using var http = Http(server);
            var deep = new string('[', levels) + "\"bottom\"" + new string(']', levels);
            acknowledged["deep"] = await CreateAsync(http, $$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"x":{{deep}}}""");
            for (var i = 1; i <= 5; i++)
            {
                acknowledged[$"later-{i}"] = await CreateAsync(http, $$$"""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"later-{{{i}}}"},"data":{"i":"{{{i}}}"}}""");
            }
        }

        await using var restarted = await StartAsync();
        using var again = Http(restarted);
        foreach (var (name, body) in acknowledged)
        {
            using var response = await again.GetAsync($"/api/v1/namespaces/default/configmaps/{name}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(Encoding.UTF8.GetString(body), await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task A_torn_final_line_without_its_newline_is_dropped_and_everything_before_it_comes_back()
    {
        byte[] acknowledged;
        await using (var server = await StartAsync())
        {
            using var http = Http(server);
            acknowledged = await CreateAsync(http, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kept"}}""");
        }
        await File.AppendAllTextAsync(Journal, """{"t":"put","r":"/configmaps","n":"default","m":"torn","v":99999,"o":{"apiVersion":"v1","ki""");

        await using var restarted = await StartAsync();
        using var again = Http(restarted);
        Assert.Equal(Encoding.UTF8.GetString(acknowledged), await again.GetStringAsync("/api/v1/namespaces/default/configmaps/kept"));
        using var torn = await again.GetAsync("/api/v1/namespaces/default/configmaps/torn");
        Assert.Equal(HttpStatusCode.NotFound, torn.StatusCode);
    }

    [Theory]
    [InlineData("not JSON at all")]
    [InlineData("""{"t":"put","r":"/configmaps","n":"default","m":"x"}""")]
    [InlineData("""{"t":"put","r":"/configmaps","n":"default","m":"x","v":"seven","o":{}}""")]
    public async Task A_middle_line_that_cannot_be_read_fails_start_up_naming_the_file_and_the_line(string corrupt)
    {
        await using (var server = await StartAsync())
        {
            using var http = Http(server);
            await CreateAsync(http, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"before"}}""");
            await CreateAsync(http, """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"after"}}""");
        }
        var lines = await File.ReadAllLinesAsync(Journal);
        var broken = Array.FindIndex(lines, l => l.Contains("\"m\":\"before\"", StringComparison.Ordinal));
        lines[broken] = corrupt;
        await File.WriteAllLinesAsync(Journal, lines);

        var error = await Assert.ThrowsAsync<SandboxStateException>(StartAsync);

        Assert.StartsWith($"{Journal}, line {broken + 1}: the journal cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Equal(lines, await File.ReadAllLinesAsync(Journal));
    }

    [Fact]
    public async Task An_unreadable_snapshot_fails_start_up_naming_the_file()
    {
        await (await StartAsync()).DisposeAsync();
        var snapshot = Path.Combine(_dataDir, "state", "snapshot.json");
        await File.WriteAllTextAsync(snapshot, "{\"revision\":");

        var error = await Assert.ThrowsAsync<SandboxStateException>(StartAsync);

        Assert.StartsWith($"{snapshot}: the snapshot cannot be read", error.Message, StringComparison.Ordinal);
    }

    private Task<SandboxServer> StartAsync() => SandboxServer.StartAsync(new SandboxOptions { DataDirectory = _dataDir });

    private static HttpClient Http(SandboxServer server)
    {
        var http = new HttpClient(server.Certificates.CreateTrustingHandler()) { BaseAddress = server.Url };
        http.DefaultRequestHeaders.Authorization = new("Bearer", server.Users.Single(u => u.Name == "admin").Token);
        return http;
    }

    private static async Task<byte[]> CreateAsync(HttpClient http, string json)
    {
        using var response = await http.PostAsync("/api/v1/namespaces/default/configmaps", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        return body;
    }
}
