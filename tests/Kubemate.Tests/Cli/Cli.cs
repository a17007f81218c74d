using System.CommandLine;
using Kubemate.Commands;

namespace Kubemate.Tests.Cli;

/// <summary>What one kubemate invocation printed and returned.</summary>
public sealed record CliResult(int ExitCode, string StdOut, string StdErr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout:\n{StdOut}\n--- stderr:\n{StdErr}";
}

/// <summary>Runs the kubemate command tree in-process with its own output and error writers (safe to run in parallel).</summary>
public static class Cli
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await KubemateCommandLine.InvokeAsync(args, new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs and fails the test with everything printed unless it exits 0.</summary>
    public static async Task<CliResult> SucceedAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == 0, $"kubemate {string.Join(' ', args)} failed:\n{result}");
        return result;
    }

    /// <summary>Runs, expecting invalid input: a non-zero exit, nothing on standard output.</summary>
    public static async Task<CliResult> FailAsync(params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode != 0, $"kubemate {string.Join(' ', args)} unexpectedly succeeded:\n{result}");
        Assert.Equal("", result.StdOut);
        return result;
    }
}
