using System.CommandLine;
using System.CommandLine.Parsing;
using Kubemate.Model.Validation;

namespace Kubemate.Commands;

/// <summary>
/// A parse result's errors as <c>flag: reason</c> problems. The reason is read from the parse tree (which flag is
/// missing, has no value, was given twice, is unknown), not from System.CommandLine's own sentences; the options'
/// parsers and validators word their own reasons.
/// </summary>
public static class ParseProblems
{
    public static IReadOnlyList<ValidationProblem> Of(ParseResult result)
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(Unmatched(result));
        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option:
                    problems.Add(new(option.Option.Name, Reason(option, error.Message)));
                    break;
                case ArgumentResult when error.Message.StartsWith('-'):
                    // A flag-like token a positional argument refused (PositionalArguments), worded "--flag: reason".
                    problems.Add(Split(error.Message));
                    break;
                case ArgumentResult argument:
                    problems.Add(new(argument.Argument.Name, argument.Tokens.Count == 0 ? "is required" : error.Message));
                    break;
                case CommandResult command when command.Command.Action is null && command.Command.Subcommands.Count > 0 && command == result.CommandResult
                    && !result.UnmatchedTokens.Any(t => !t.StartsWith('-')):
                    problems.Add(new("command", $"is required: one of {Names(command.Command)}"));
                    break;
                case CommandResult when error.Message.StartsWith("--", StringComparison.Ordinal):
                    // A rule over several flags, worded by its validator as "--flag: reason".
                    problems.Add(Split(error.Message));
                    break;
                case CommandResult:
                    // Unmatched tokens are listed from the parse result above; this is their sentence.
                    break;
                default:
                    problems.Add(new(CommandPath.Of(result), error.Message));
                    break;
            }
        }
        // A parser that names an entry (--backend[1]: …) already wrote the whole line.
        var lines = problems
            .Select(p => p.Reason.StartsWith(p.Path + "[", StringComparison.Ordinal) || p.Reason.StartsWith(p.Path + ":", StringComparison.Ordinal) ? Split(p.Reason) : p)
            .Distinct()
            .ToList();
        return lines.Count > 0 ? lines : [.. result.Errors.Select(e => new ValidationProblem(CommandPath.Of(result), e.Message))];
    }

    private static string Reason(OptionResult option, string message)
    {
        var arity = option.Option.Arity;
        if (option.Implicit)
        {
            return option.Option.Required ? "is required" : message;
        }
        if (option.Tokens.Count == 0 && arity.MinimumNumberOfValues > 0)
        {
            return "needs a value";
        }
        if (option.Tokens.Count > arity.MaximumNumberOfValues)
        {
            return $"takes one value (given {option.Tokens.Count}: {string.Join(", ", option.Tokens.Select(t => t.Value))})";
        }
        return message;
    }

    private static IEnumerable<ValidationProblem> Unmatched(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var first = true;
        foreach (var token in result.UnmatchedTokens)
        {
            if (token.StartsWith('-') && token.Length > 1)
            {
                var known = Options(result.CommandResult).SelectMany(o => o.Aliases.Prepend(o.Name));
                yield return new(token, "unknown flag" + Suggestion(token, known));
            }
            else if (first && command.Subcommands.Count > 0)
            {
                yield return command is RootCommand
                    ? new(token, $"is not a kubemate command{Suggestion(token, command.Subcommands.Select(c => c.Name))}; see kubemate --help")
                    : new(token, $"is not a command of {CommandPath.Of(result)} (one of {Names(command)})");
            }
            else
            {
                yield return new(token, "unexpected argument");
            }
            first = first && token.StartsWith('-');
        }
    }

    private static IEnumerable<Option> Options(CommandResult command)
    {
        foreach (var option in command.Command.Options)
        {
            yield return option;
        }
        for (var parent = command.Parent as CommandResult; parent is not null; parent = parent.Parent as CommandResult)
        {
            foreach (var option in parent.Command.Options.Where(o => o.Recursive))
            {
                yield return option;
            }
        }
    }

    private static string Suggestion(string token, IEnumerable<string> known) =>
        CloseMatch.Find(token, known) is { } match ? $" (did you mean {match}?)" : "";

    private static string Names(Command command) => string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));

    private static ValidationProblem Split(string line)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        return new(line[..colon], line[(colon + 2)..]);
    }
}
