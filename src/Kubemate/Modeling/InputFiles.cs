using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>Reads the files given with <c>-f</c>; <c>-</c> is standard input.</summary>
public static class InputFiles
{
    public static string? Read(string path, string flag, List<ValidationProblem> problems)
    {
        try
        {
            return path == "-" ? Console.In.ReadToEnd() : File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add(new(flag, $"cannot read '{path}': {ex.Message}"));
            return null;
        }
    }

    /// <summary>The name problems in a file's documents are reported under.</summary>
    public static string SourceName(string path) => path == "-" ? "stdin" : path;
}
