using System.CommandLine;

namespace Kubemate.Modeling.Families;

/// <summary>
/// Creates the options families declare. Values are taken as text and checked by <see cref="FlagReader"/>, so every
/// bad value is reported at once, by flag name, in Kubemate's words (and nothing but the problems is printed).
/// </summary>
public static class Flags
{
    public static Option<string?> Text(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, Arity = ArgumentArity.ZeroOrOne };

    public static Option<string[]> Many(string name, string description, params string[] aliases) =>
        new(name, aliases) { Description = description, Arity = ArgumentArity.ZeroOrMore };

    public static Option<bool> Switch(string name, string description) =>
        new(name) { Description = description };
}
