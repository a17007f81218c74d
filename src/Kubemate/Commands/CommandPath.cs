using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kubemate.Commands;

/// <summary>The verb a parse result chose, as the user typed it: <c>kubemate render split</c>.</summary>
public static class CommandPath
{
    public const string Root = "kubemate";

    public static string Of(ParseResult result) => Of(result.CommandResult);

    public static string Of(CommandResult command)
    {
        var names = new List<string>();
        for (var current = command; current is not null; current = current.Parent as CommandResult)
        {
            names.Add(current.Command is RootCommand ? Root : current.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
