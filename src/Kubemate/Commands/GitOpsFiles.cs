using Kubemate.Cluster.Apply;
using Kubemate.Cluster.GitOps;
using Kubemate.Direct;

namespace Kubemate.Commands;

/// <summary>Writes a GitOps export (a YAML stream) as one file per object into a directory, and says what it wrote.</summary>
public static class GitOpsFiles
{
    /// <returns>0, or the usage exit code when the directory cannot be written (named by <paramref name="flag"/>).</returns>
    public static async Task<int> WriteAsync(string stream, string directory, TextWriter output, TextWriter error, string command, string flag, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> written;
        try
        {
            written = await GitOpsExport.WriteDirectoryAsync(ChangeSet.FromYaml(stream), directory, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return UsageReport.Write(error, command, flag, $"cannot write '{directory}': {ex.Message}");
        }
        foreach (var path in written)
        {
            output.WriteLine($"wrote {path}");
        }
        output.WriteLine($"gitops: {written.Count} file{(written.Count == 1 ? "" : "s")} in {directory}; nothing was applied");
        output.Flush();
        return ExitCodes.Ok;
    }
}
