using System.Diagnostics;

namespace Kubemate.Tests.Cli.Usage;

/// <summary>The real executable reports bad usage as the command tree does in-process: stderr only, exit code 2.</summary>
public sealed class ProcessUsageTests
{
    [Theory]
    [InlineData("bogus", "  bogus: is not a kubemate command; see kubemate --help")]
    [InlineData("render split --service orders --backend a=1 --port http", "  --port: 'http' is not a whole number")]
    [InlineData("serve --mesh consul", "  --mesh: 'consul' is not one of linkerd, istio")]
    public async Task The_executable_exits_2_with_the_problem_on_stderr(string args, string line)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "kubemate.dll"));
        foreach (var arg in args.Split(' '))
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("", await output);
        Assert.Contains(line, error.ReplaceLineEndings("\n").Split('\n'));
    }
}
