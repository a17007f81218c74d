using System.CommandLine;
using System.CommandLine.Parsing;

namespace Kubemate.CommandLine;

/// <summary>
/// Creates typed options. Each parses and checks its own value while the command line is parsed, so every bad value
/// is a parse error named by its flag, reported at once by <see cref="Direct.UsageReport"/> (exit code 2).
/// </summary>
public static class Flags
{
    /// <summary>A text value; an empty one is refused.</summary>
    public static Option<string?> Text(string name, string description, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            CustomParser = result => NonEmpty(result),
        };

    /// <summary>A repeatable value (<c>--x a --x b</c>); each occurrence takes one value.</summary>
    public static Option<string[]> Many(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };

    public static Option<bool> Switch(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> Integer(string name, string description, int min, int max, params string[] aliases) =>
        Parsed<int?>(name, description, aliases, text => FlagValues.Integer(text, min, max));

    public static Option<long?> Long(string name, string description, params string[] aliases) =>
        Parsed<long?>(name, description, aliases, FlagValues.Long);

    /// <summary>A finite number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<double?> Number(string name, string description, double min = double.MinValue, double max = double.MaxValue, params string[] aliases) =>
        Parsed<double?>(name, description, aliases, text => FlagValues.Number(text, min, max));

    /// <summary>One of <paramref name="allowed"/> (case-insensitive), returned as written there; the shells complete them.</summary>
    public static Option<string?> Choice(string name, string description, IReadOnlyList<string> allowed, params string[] aliases)
    {
        var option = Parsed<string?>(name, description, aliases, text => FlagValues.OneOf(text, allowed));
        option.HelpName = string.Join("|", allowed);
        option.CompletionSources.Add([.. allowed]);
        return option;
    }

    /// <summary>A file to read or write; the path must be a legal one (whether it exists is checked when it is used).</summary>
    public static Option<FileInfo?> File(string name, string description, params string[] aliases) =>
        Parsed<FileInfo?>(name, description, aliases, text => FlagValues.LegalPath(text) ? (new FileInfo(text), null) : (null, $"'{text}' is not a file path"));

    public static Option<DirectoryInfo?> Directory(string name, string description, params string[] aliases) =>
        Parsed<DirectoryInfo?>(name, description, aliases, text => FlagValues.LegalPath(text) ? (new DirectoryInfo(text), null) : (null, $"'{text}' is not a directory path"));

    /// <summary>An absolute http(s) URL.</summary>
    public static Option<Uri?> Url(string name, string description, params string[] aliases) =>
        Parsed<Uri?>(name, description, aliases, FlagValues.HttpUrl);

    /// <summary>A value of any type: <paramref name="parse"/> gives the value, or the reason the text is not one.</summary>
    public static Option<T?> Parsed<T>(string name, string description, string[] aliases, Func<string, (T? Value, string? Problem)> parse) =>
        new(name, aliases)
        {
            Description = description,
            CustomParser = result =>
            {
                if (NonEmpty(result) is not { } text)
                {
                    return default;
                }
                var (value, problem) = parse(text);
                if (problem is not null)
                {
                    result.AddError(problem);
                }
                return value;
            },
        };

    /// <summary>
    /// Repeatable <c>KEY=VALUE</c> entries (commas separate several in one value), each checked by
    /// <paramref name="value"/> (null: any text); a bad entry is named by its position: <c>--backend[1]</c>.
    /// </summary>
    public static Option<FlagPair[]> Pairs(string name, string description, string shape, Func<string, string?>? value = null, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var pairs = new List<FlagPair>();
                var entries = result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                var problems = new List<string>();
                for (var i = 0; i < entries.Count; i++)
                {
                    var path = $"{name}[{i}]";
                    var equals = entries[i].IndexOf('=');
                    if (equals <= 0)
                    {
                        problems.Add($"{path}: '{entries[i]}' is not {shape}");
                        continue;
                    }
                    var (key, text) = (entries[i][..equals], entries[i][(equals + 1)..]);
                    if (value?.Invoke(text) is { } problem)
                    {
                        problems.Add($"{path}: {problem}");
                        continue;
                    }
                    pairs.Add(new FlagPair(key, text, path));
                }
                if (entries.Count == 0)
                {
                    problems.Add($"{name}: needs a value");
                }
                // One error per bad entry, each naming its entry; the report prints them as they are.
                foreach (var problem in problems)
                {
                    result.AddError(problem);
                }
                return [.. pairs];
            },
        };

    /// <summary>
    /// Repeatable entries, each read by <paramref name="parse"/> into a value or the reason it is not one; a bad entry
    /// is named by its position: <c>--service[1]</c>.
    /// </summary>
    public static Option<T[]> Entries<T>(string name, string description, Func<string, (T? Value, string? Problem)> parse, params string[] aliases) =>
        new(name, aliases)
        {
            Description = description,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result =>
            {
                var values = new List<T>();
                for (var i = 0; i < result.Tokens.Count; i++)
                {
                    var (value, problem) = parse(result.Tokens[i].Value);
                    if (problem is not null || value is null)
                    {
                        result.AddError($"{name}[{i}]: {problem ?? "needs a value"}");
                        continue;
                    }
                    values.Add(value);
                }
                return [.. values];
            },
        };

    /// <summary>Marks an option as required: missing, it is reported as <c>--flag: is required</c>.</summary>
    public static T Required<T>(this T option) where T : Option
    {
        option.Required = true;
        return option;
    }

    /// <summary>Makes an option apply to every subcommand of the command it is added to.</summary>
    public static T Recursive<T>(this T option) where T : Option
    {
        option.Recursive = true;
        return option;
    }

    /// <summary>
    /// An option's value for a rule over several flags (a command validator), or the default when the option's own
    /// value is bad: that is reported as the option's parse error, and the rule has nothing to check.
    /// </summary>
    public static T? ValueOrDefault<T>(this CommandResult command, Option<T> option)
    {
        try
        {
            return command.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static string? NonEmpty(ArgumentResult result)
    {
        var text = Token(result);
        if (text.Length == 0)
        {
            result.AddError("needs a value");
            return null;
        }
        return text;
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value;
}
