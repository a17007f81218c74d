namespace Kubemate.Direct.Terminal;

/// <summary>
/// Whether the command's output is an interactive terminal: only then are lines rewritten in place and coloured.
/// Redirected output (files, pipes, tests) gets plain appended lines.
/// </summary>
public static class TerminalOutput
{
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected
        && Environment.GetEnvironmentVariable("TERM") is not "dumb"
        && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    public const string Red = "\u001b[31m";
    public const string Green = "\u001b[32m";
    public const string Cyan = "\u001b[36m";
    public const string Reset = "\u001b[0m";

    /// <summary>Moves the cursor up <paramref name="lines"/> lines, to the start of the line.</summary>
    public static string Up(int lines) => lines > 0 ? $"\u001b[{lines}F" : "\r";

    /// <summary>Clears the whole line the cursor is on.</summary>
    public const string ClearLine = "\u001b[2K";
}
