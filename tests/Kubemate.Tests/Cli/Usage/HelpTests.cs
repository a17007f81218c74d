namespace Kubemate.Tests.Cli.Usage;

/// <summary>No verb takes passthrough arguments, so no help offers any.</summary>
public sealed class HelpTests
{
    public static TheoryData<string[]> Commands => [.. CommandTree.Paths()];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_of_every_command_lists_no_additional_arguments(string[] path)
    {
        var result = await Cli.RunAsync([.. path, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Usage:", result.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("additional arguments", result.StdOut, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Arguments passed to the application", result.StdOut, StringComparison.Ordinal);
        Assert.Equal("", result.StdErr);
    }
}
