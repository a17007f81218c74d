using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Validation;
using Kubemate.Modeling;

namespace Kubemate.CommandLine;

/// <summary>Reads the files given with <c>-f</c>; <c>-</c> is standard input.</summary>
public static class InputFiles
{
    public static string? Read(string path, string flag, List<ValidationProblem> problems)
    {
        try
        {
            return path == "-" ? Console.In.ReadToEnd() : YamlText.ReadFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or YamlFormatException)
        {
            problems.Add(new(flag, $"cannot read '{path}': {ex.Message}"));
            return null;
        }
    }

    /// <summary>The files that could be read, each named as its problems are reported; the others are problems.</summary>
    public static IReadOnlyList<SourceText> ReadAll(IReadOnlyList<string> paths, string flag, List<ValidationProblem> problems) =>
        [.. paths.Select(path => Read(path, flag, problems) is { } text ? new SourceText(SourceName(path), text) : null).OfType<SourceText>()];

    /// <summary>The name problems in a file's documents are reported under.</summary>
    public static string SourceName(string path) => path == "-" ? "stdin" : path;
}
