using System.CommandLine;
using Kubemate.Application.Modeling;
using Kubemate.CommandLine;
using Kubemate.Model.Validation;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate import -f objects.yaml [-o model.yaml] [--mesh linkerd|istio]</c>: reads Kubernetes objects and writes
/// the model file it understood — edge objects as edge models, mesh objects as mesh models, everything else kept
/// verbatim — so that <c>kubemate render -f model.yaml</c> gives the objects back. A summary goes to standard error.
/// The import itself is the application's <see cref="ModelImport"/>.
/// </summary>
public static class ImportCommand
{
    private const string CommandName = "kubemate import";

    private static readonly ModelImport Importer = new();

    public static Command Create()
    {
        var files = Flags.Many("--filename", "Kubernetes objects to import (multi-document YAML or JSON, Lists expanded; - reads standard input); repeatable", "-f").Required();
        var output = Flags.Text("--output", "Write the model file here (default: standard output; - is standard output)", "-o");
        var mesh = RenderCommand.MeshOption($"Mesh driver that reads mesh objects: {RenderCommand.KnownMeshes} (default: {ModelRendering.DefaultMesh})");
        var command = new Command("import", "Turn Kubernetes objects into a model file that kubemate render gives back") { files, output, mesh };
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var paths = result.GetValue(files) ?? [];
            var target = result.GetValue(output);
            var problems = new List<ValidationProblem>();
            var sources = InputFiles.ReadAll(paths, "-f", problems);
            var imported = Importer.Import(sources, result.GetValue(mesh), "-f");
            if (problems.Count > 0 || !imported.Succeeded)
            {
                return ProblemReport.Write(error, CommandName, [.. problems, .. imported.Problems]);
            }
            var model = imported.ModelFile;
            if (target is null or "-")
            {
                result.InvocationConfiguration.Output.Write(model);
                result.InvocationConfiguration.Output.Flush();
            }
            else
            {
                try
                {
                    File.WriteAllText(target, model);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    return ProblemReport.Write(error, CommandName, [new(output.Name, $"cannot write '{target}': {ex.Message}")]);
                }
            }
            ImportSummary.Write(error, imported.Imported, imported.ObjectCount, target);
            return 0;
        });
        return command;
    }
}
