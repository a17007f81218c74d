using Kubemate.Model.Validation;

namespace Kubemate.Direct;

/// <summary>Bad usage on standard error: a summary line, then one <c>flag: reason</c> line each; exit code 2.</summary>
public static class UsageReport
{
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
