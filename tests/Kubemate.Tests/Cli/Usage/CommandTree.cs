using System.CommandLine;
using Kubemate.Commands;

namespace Kubemate.Tests.Cli.Usage;

/// <summary>Every command of the kubemate tree, as the words that reach it (the root is the empty path).</summary>
public static class CommandTree
{
    public static IEnumerable<string[]> Paths() => Walk(KubemateCommandLine.Build(), []);

    private static IEnumerable<string[]> Walk(Command command, string[] path)
    {
        yield return path;
        foreach (var sub in command.Subcommands)
        {
            foreach (var inner in Walk(sub, [.. path, sub.Name]))
            {
                yield return inner;
            }
        }
    }
}
