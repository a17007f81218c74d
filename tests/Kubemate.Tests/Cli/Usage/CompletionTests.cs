using System.Diagnostics;

namespace Kubemate.Tests.Cli.Usage;

/// <summary><c>kubemate completion bash|zsh</c> prints a script that asks kubemate's <c>[suggest]</c> directive.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("ren", "render")]
    [InlineData("render sp", "split")]
    [InlineData("mesh enable --prov", "--provider")]
    [InlineData("stat deploy -o ", "json")]
    public async Task The_suggest_directive_returns_verbs_flags_and_values(string line, string expected)
    {
        var result = await Cli.SucceedAsync($"[suggest:{line.Length}]", line);

        Assert.Contains(expected, result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public async Task The_bash_script_is_valid_bash_and_completes_through_the_real_kubemate()
    {
        var script = (await Cli.SucceedAsync("completion", "bash")).StdOut;
        using var files = new TempDirectory();
        var path = files.Write("kubemate.bash", script);
        Assert.Equal((0, ""), await BashAsync("-n", path));

        // The script calls the command word it completes; here that is a function running the built kubemate.dll.
        var dll = Path.Combine(AppContext.BaseDirectory, "kubemate.dll");
        var test = files.Write("complete.sh", $$"""
            kubemate() { dotnet '{{dll}}' "$@"; }
            source '{{path}}'
            COMP_LINE='kubemate render sp'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(kubemate render sp); COMP_CWORD=2
            _kubemate_complete; printf '%s\n' "${COMPREPLY[@]}"
            COMP_LINE='kubemate stat deploy -o '; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(kubemate stat deploy -o ''); COMP_CWORD=4
            _kubemate_complete; printf '%s\n' "${COMPREPLY[@]}"
            """);
        var (exit, output) = await BashAsync(test);

        Assert.Equal(0, exit);
        Assert.Equal(["split", "json", "table", "wide"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task The_zsh_script_registers_a_completion_function_that_uses_the_suggest_directive()
    {
        var script = (await Cli.SucceedAsync("completion", "zsh")).StdOut;

        Assert.StartsWith("#compdef kubemate", script, StringComparison.Ordinal);
        Assert.Contains("[suggest:${#args}]", script, StringComparison.Ordinal);
        Assert.Contains("compdef _kubemate kubemate", script, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output)> BashAsync(params string[] args)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + error);
    }
}
