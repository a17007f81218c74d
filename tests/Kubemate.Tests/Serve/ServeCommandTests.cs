using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kubemate.Tests.Serve;

/// <summary>`kubemate serve` starts the embedded sandbox and the web host, and says where both are.</summary>
public sealed partial class ServeCommandTests
{
    [Fact]
    public async Task Serve_runs_the_web_host_on_the_embedded_sandbox()
    {
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubemate-serve-{Guid.NewGuid():n}.kubeconfig");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "kubemate.dll"), "serve", "--listen", "127.0.0.1:0", "--empty", "--write-kubeconfig", kubeconfig })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        try
        {
            var readyLine = await ReadReadyLine(process);
            var match = ReadyPattern().Match(readyLine);
            Assert.True(match.Success, readyLine);
            using var http = new HttpClient { BaseAddress = new Uri(match.Groups["host"].Value) };
            Assert.Equal("ok", await http.GetStringAsync("/healthz"));
            var cluster = JsonNode.Parse(await http.GetStringAsync("/api/v1/cluster"))!;
            Assert.Equal("sandbox", cluster["mode"]!.GetValue<string>());
            Assert.Equal(match.Groups["sandbox"].Value, cluster["server"]!.GetValue<string>());
            Assert.StartsWith("https://127.0.0.1:", cluster["server"]!.GetValue<string>());
            var kubectl = new Testing.Kubectl(kubeconfig);
            Assert.Contains("kube-system", await kubectl.Ok("get", "namespaces", "-o", "name"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            File.Delete(kubeconfig);
        }
    }

    private static async Task<string> ReadReadyLine(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("ready ", StringComparison.Ordinal))
            {
                return line;
            }
        }
        throw new Xunit.Sdk.XunitException("kubemate serve exited without a ready line: " + await process.StandardError.ReadToEndAsync());
    }

    [GeneratedRegex(@"^ready (?<host>http://\S+) \(sandbox cluster at (?<sandbox>\S+),")]
    private static partial Regex ReadyPattern();
}
