using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Tests.Cli.Operations;

namespace Kubemate.Tests.Cli.Usage;

/// <summary>
/// Against a real <c>kubemate serve</c> on the demo estate: <c>-A/--all-namespaces</c> for <c>stat</c> and
/// <c>edges</c>, and <c>kubemate version</c> with the server's version.
/// </summary>
public sealed class ServeVerbsTests(ServeProcess serve) : IClassFixture<ServeProcess>
{
    [Fact]
    public async Task Stat_and_edges_with_all_namespaces_list_every_namespace_and_n_only_one()
    {
        // Traffic shows namespace by namespace as the store scrapes: wait until it spans several.
        var all = await UntilRowsAsync(["stat", "deploy", "-A", "-o", "json", .. serve.As("alice")],
            rows => rows.Select(r => (string?)r!["workload"]?["namespace"]).Distinct().Count() >= 2);
        var namespaces = all.Select(r => (string)r!["workload"]!["namespace"]!).Distinct().ToList();
        Assert.True(namespaces.Count >= 2, string.Join(", ", namespaces));
        var one = namespaces[0];

        var only = Rows(await Cli.SucceedAsync(["stat", "deploy", "-n", one, "-o", "json", .. serve.As("alice")]));
        Assert.NotEmpty(only);
        Assert.All(only, r => Assert.Equal(one, (string)r!["workload"]!["namespace"]!));

        var table = await Cli.SucceedAsync(["stat", "deploy", "--all-namespaces", .. serve.As("alice")]);
        Assert.StartsWith("NAMESPACE", table.StdOut, StringComparison.Ordinal);

        var edges = await UntilRowsAsync(["edges", "-A", "-o", "json", .. serve.As("alice")],
            rows => rows.Select(e => (string?)e!["source"]?["namespace"]).Distinct().Count() >= 2);
        Assert.True(edges.Select(e => (string)e!["source"]!["namespace"]!).Distinct().Count() >= 2);
    }

    [Fact]
    public async Task Version_shows_the_client_and_the_server_it_is_given()
    {
        var text = await Cli.SucceedAsync("version", "--server", serve.Url.ToString());
        var lines = ServerModeTests.Lines(text.StdOut);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Client Version: ", lines[0], StringComparison.Ordinal);
        Assert.Equal(lines[0]["Client ".Length..], lines[1]["Server ".Length..]);

        var json = JsonNode.Parse((await Cli.SucceedAsync("version", "-o", "json", "--server", serve.Url.ToString())).StdOut)!;
        Assert.False(string.IsNullOrEmpty((string?)json["clientVersion"]!["version"]));
        Assert.Equal((string?)json["clientVersion"]!["version"], (string?)json["serverVersion"]!["version"]);

        var yaml = await Cli.SucceedAsync("version", "-o", "yaml", "--server", serve.Url.ToString(), "--token", serve.Token("alice"));
        Assert.Contains("clientVersion:", yaml.StdOut, StringComparison.Ordinal);
        Assert.Contains("serverVersion:", yaml.StdOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_version_endpoint_answers_anonymous_callers()
    {
        using var http = new HttpClient { BaseAddress = serve.Url };

        using var response = await http.GetAsync(new Uri("/api/v1/version", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.False(string.IsNullOrEmpty((string?)body["version"]));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_still_shows_the_client_version_and_exits_1()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Cli.RunAsync("version", "--server", $"http://127.0.0.1:{port}");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("Client Version: ", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Server Version", result.StdOut, StringComparison.Ordinal);
        Assert.Contains($"kubemate version: server http://127.0.0.1:{port}/: cannot be reached", result.StdErr, StringComparison.Ordinal);
    }

    private static List<JsonNode?> Rows(CliResult result) => [.. JsonNode.Parse(result.StdOut)!.AsArray()];

    /// <summary>The rows once the embedded store has scraped the simulated traffic (bounded: the store scrapes within seconds).</summary>
    private static async Task<List<JsonNode?>> UntilRowsAsync(string[] args, Func<List<JsonNode?>, bool>? enough = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var result = await Cli.RunAsync(args);
            if (result.ExitCode == 0 && Rows(result) is { Count: > 0 } rows && (enough is null || enough(rows)))
            {
                return rows;
            }
            Assert.True(attempt < 60, $"no rows after {attempt} tries:\n{result}");
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }
}
