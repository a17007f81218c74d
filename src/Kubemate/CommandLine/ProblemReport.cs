using Kubemate.Model.Validation;

namespace Kubemate.CommandLine;

/// <summary>How the CLI lists problems on standard error: a summary line, then one <c>path: reason</c> line each.</summary>
public static class ProblemReport
{
    public const int InvalidInputExitCode = 1;

    public static int Write(TextWriter error, string command, IReadOnlyList<ValidationProblem> problems)
    {
        error.WriteLine($"{command}: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}, nothing written:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem.Path}: {problem.Reason}");
        }
        error.Flush();
        return InvalidInputExitCode;
    }
}
