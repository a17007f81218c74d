using System.CommandLine;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate completion bash|zsh</c>: prints a script that completes kubemate's verbs, flags and flag values in
/// the shell. The script asks kubemate itself through System.CommandLine's <c>[suggest:POSITION]</c> directive
/// (what dotnet-suggest uses), so completions always match this build's command tree.
/// Load it with <c>source &lt;(kubemate completion bash)</c> or <c>source &lt;(kubemate completion zsh)</c>.
/// </summary>
public static class CompletionCommand
{
    private static readonly string[] Shells = ["bash", "zsh"];

    public static Command Create()
    {
        var shell = PositionalArguments.Create("shell", "bash or zsh");
        shell.CompletionSources.Add(Shells);
        shell.Validators.Add(result =>
        {
            if (result.Tokens.FirstOrDefault()?.Value is { } given && !given.StartsWith('-') && !Shells.Contains(given, StringComparer.Ordinal))
            {
                result.AddError($"'{given}' is not a shell kubemate completes (one of {string.Join(", ", Shells)})");
            }
        });
        var command = new Command("completion", "Print a shell completion script (bash or zsh) that asks kubemate for suggestions") { shell };
        command.SetAction(result =>
        {
            var output = result.InvocationConfiguration.Output;
            output.Write(result.GetValue(shell) == "zsh" ? ZshScript : BashScript);
            output.Flush();
            return 0;
        });
        return command;
    }

    // The line after the command word, up to the cursor, and its length are what the [suggest] directive takes.
    private const string BashScript = """
        # kubemate completion for bash. Load it with: source <(kubemate completion bash)
        _kubemate_complete()
        {
            local line="${COMP_LINE:0:COMP_POINT}"
            local args="${line#"${COMP_WORDS[0]}"}"
            args="${args#"${args%%[![:space:]]*}"}"
            local current="${COMP_WORDS[COMP_CWORD]}"
            local suggestions
            suggestions="$("${COMP_WORDS[0]}" "[suggest:${#args}]" "$args" 2>/dev/null)" || return 0
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$suggestions" -- "$current"))
        }
        complete -o default -F _kubemate_complete kubemate

        """;

    private const string ZshScript = """
        #compdef kubemate
        # kubemate completion for zsh. Load it with: source <(kubemate completion zsh)
        _kubemate() {
            local args="${(j: :)words[2,CURRENT]}"
            local -a suggestions
            suggestions=("${(@f)$("${words[1]}" "[suggest:${#args}]" "$args" 2>/dev/null)}")
            compadd -- "${suggestions[@]}"
        }
        if (( $+functions[compdef] )); then
            compdef _kubemate kubemate
        fi

        """;
}
