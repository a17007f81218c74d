using System.CommandLine;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;
using Kubemate.Modeling;
using Kubemate.Modeling.Families;
using Kubemate.Modeling.Import;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate import -f objects.yaml [-o model.yaml] [--mesh linkerd|istio]</c>: reads Kubernetes objects and writes
/// the model file it understood — edge objects as edge models, mesh objects as mesh models, everything else kept
/// verbatim — so that <c>kubemate render -f model.yaml</c> gives the objects back. A summary goes to standard error.
/// </summary>
public static class ImportCommand
{
    private const string CommandName = "kubemate import";

    public static Command Create()
    {
        var files = Flags.Many("--filename", "Kubernetes objects to import (multi-document YAML or JSON, Lists expanded; - reads standard input); repeatable", "-f").Required();
        var output = Flags.Text("--output", "Write the model file here (default: standard output; - is standard output)", "-o");
        var mesh = RenderCommand.MeshOption($"Mesh driver that reads mesh objects: {MeshProviders.Known} (default: {MeshProviders.Default})");
        var command = new Command("import", "Turn Kubernetes objects into a model file that kubemate render gives back") { files, output, mesh };
        command.SetAction(result =>
        {
            var error = result.InvocationConfiguration.Error;
            var paths = result.GetValue(files) ?? [];
            var target = result.GetValue(output);
            var provider = result.GetValue(mesh) ?? MeshProviders.Default;
            var problems = new List<ValidationProblem>();
            var objects = ReadObjects(paths, problems);
            if (problems.Count > 0)
            {
                return ProblemReport.Write(error, CommandName, problems);
            }
            var imported = ObjectImporter.Import(objects, MeshProviders.Create(provider));
            var model = ModelFileWriter.Write(imported.Models);
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
            ImportSummary.Write(error, imported, objects.Count, target);
            return 0;
        });
        return command;
    }

    private static List<JsonObject> ReadObjects(IReadOnlyList<string> paths, List<ValidationProblem> problems)
    {
        var objects = new List<JsonObject>();
        foreach (var path in paths)
        {
            if (InputFiles.Read(path, "-f", problems) is not { } text)
            {
                continue;
            }
            var source = InputFiles.SourceName(path);
            List<JsonObject> read;
            try
            {
                read = [.. YamlJson.ExpandLists(YamlJson.ParseDocuments(text))];
            }
            catch (YamlFormatException ex)
            {
                problems.Add(new(source, ex.Message));
                continue;
            }
            for (var i = 0; i < read.Count; i++)
            {
                foreach (var field in new[] { "apiVersion", "kind" })
                {
                    if (read[i][field] is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.String)
                    {
                        problems.Add(new(FieldPath.Child(FieldPath.Index(source, i), field), "is required: every object needs apiVersion and kind"));
                    }
                }
            }
            objects.AddRange(read);
        }
        if (objects.Count == 0 && paths.Count > 0 && problems.Count == 0)
        {
            problems.Add(new("-f", "holds no Kubernetes objects"));
        }
        foreach (var duplicate in objects.GroupBy(ObjectIdentity.Of).Where(g => g.Count() > 1))
        {
            problems.Add(new("-f", $"{duplicate.Key} is given {duplicate.Count()} times"));
        }
        return objects;
    }
}
