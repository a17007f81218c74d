using System.CommandLine;

namespace Kubemate.Commands;

/// <summary>
/// System.CommandLine hands a token that looks like a flag but names none (<c>--colour</c>) to a free positional
/// argument. Arguments made here refuse such a token as the unknown flag it is.
/// </summary>
public static class PositionalArguments
{
    public static Argument<string> Create(string name, string description, ArgumentArity? arity = null)
    {
        var argument = new Argument<string>(name) { Description = description, HelpName = name };
        if (arity is { } given)
        {
            argument.Arity = given;
        }
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
            {
                result.AddError($"{token.Value}: unknown flag");
            }
        });
        return argument;
    }
}
