using System.CommandLine;
using Kubemate.Commands;
using Kubemate.Model.Validation;

namespace Kubemate.Direct;

/// <summary>
/// The one report of bad usage, for every verb: on standard error a summary line, then one <c>flag: reason</c> line
/// each; nothing on standard output; exit code 2. Parse errors and the problems a command finds in its flags after
/// parsing (flags that conflict, a file that cannot be read) are reported the same way.
/// </summary>
public static class UsageReport
{
    public static int Write(TextWriter error, ParseResult result) => Write(error, CommandPath.Of(result), ParseProblems.Of(result));

    public static int Write(TextWriter error, string command, IReadOnlyList<ValidationProblem> problems)
    {
        error.WriteLine($"{command}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}, nothing changed:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem.Path}: {problem.Reason}");
        }
        error.Flush();
        return ExitCodes.Usage;
    }

    public static int Write(TextWriter error, string command, string path, string reason) => Write(error, command, [new ValidationProblem(path, reason)]);
}
