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

    [Theory]
    [InlineData("--failing-at", "150", "--failing-at: 150 is not a percentage from 0 to 100")]
    [InlineData("--degraded-above", "-1", "--degraded-above: -1 is not a percentage from 0 to 100")]
    [InlineData("--degraded-above", "20", "--degraded-above: 20 must be below --failing-at (10)")]
    [InlineData("--failing-at", "ten", "'ten'")]
    [InlineData("--public-url", "http://kubemate.bank.example/", "--public-url: http://kubemate.bank.example/ must be https (plain http only on loopback)")]
    [InlineData("--public-url", "https://kubemate.bank.example/console", "must be the root of an address")]
    [InlineData("--public-url", "kubemate.bank.example", "--public-url")]
    public async Task Serve_refuses_bad_flag_values_before_starting_anything(string flag, string value, string message)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "kubemate.dll"), "serve", "--listen", "127.0.0.1:0", "--empty", flag, value })
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains(message, error);
        Assert.Contains(flag, error);
        Assert.DoesNotContain("ready ", await output);
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
