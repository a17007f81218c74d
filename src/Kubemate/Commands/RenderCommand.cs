using System.CommandLine;
using Kubemate.Application.Modeling;
using Kubemate.CommandLine;
using Kubemate.Commands.Families;
using Kubemate.Direct;
using Kubemate.Model.Validation;
using Kubemate.Modeling;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate render</c>: writes Kubernetes objects (YAML, or JSON with <c>-o json</c>) to standard output, from a
/// family's flags (<c>render split --service orders --backend orders-v1=90 …</c>) or from model files
/// (<c>render -f model.yaml</c>). Invalid input writes nothing to standard output and lists every problem on
/// standard error. The rendering itself is the application's <see cref="ModelRendering"/>.
/// </summary>
public static class RenderCommand
{
    private const string CommandName = "kubemate render";

    private static readonly ModelRendering Rendering = new();

    public static Command Create()
    {
        var files = Flags.Many("--filename", "Model file to render (multi-document YAML; - reads standard input); repeatable", "-f");
        var mesh = MeshOption($"Mesh driver for mesh models: {KnownMeshes} (default: the one the file was imported with, else {ModelRendering.DefaultMesh})").Recursive();
        var output = Flags.Choice("--output", "Output format: yaml (default) or json", ObjectOutput.Formats, "-o").Recursive();
        var networkPolicy = Flags.Switch("--network-policy", "Also render every AccessIntent of the files as a NetworkPolicy (the L3/L4 layer)");
        var command = new Command("render", "Render Kubernetes objects from a model file or, for one object family, from flags")
        {
            files, mesh, output, networkPolicy,
        };
        foreach (var family in RenderFamilies.Create())
        {
            var subcommand = new Command(family.Name, family.Description);
            foreach (var option in family.Options)
            {
                subcommand.Options.Add(option);
            }
            subcommand.SetAction(result => Run(result, mesh, output, (flags, chosenMesh) =>
            {
                var built = family.Build(flags);
                return (built, [], chosenMesh ?? ModelRendering.DefaultMesh);
            }, family.Name));
            command.Subcommands.Add(subcommand);
        }
        command.SetAction(result => Run(result, mesh, output, (flags, chosenMesh) =>
        {
            var paths = flags.List(files);
            var problems = new List<ValidationProblem>();
            if (paths.Count == 0)
            {
                flags.Problems.Add(new(files.Name, $"is required: give model files with -f, or a family: {string.Join(", ", RenderFamilies.Names)}"));
                return (new FamilyModels(ModelSet.Empty), problems, ModelRendering.DefaultMesh);
            }
            var read = Rendering.Read(InputFiles.ReadAll(paths, "-f", problems));
            problems.AddRange(read.Problems);
            return (new FamilyModels(read.Models) { IntentNetworkLayer = flags.Switch(networkPolicy) }, problems, chosenMesh ?? read.Mesh);
        }));
        return command;
    }

    /// <summary>The mesh providers <c>--mesh</c> takes, for help texts.</summary>
    internal static string KnownMeshes => string.Join(", ", Rendering.Meshes);

    /// <summary>A <c>--mesh</c> flag that takes the mesh providers of the one driver catalog.</summary>
    internal static Option<string?> MeshOption(string description)
    {
        var known = KnownMeshes;
        var option = Flags.Parsed<string>("--mesh", description, [], text => Rendering.IsMesh(text) ? (text, null) : (null, $"'{text}' is not a mesh (one of {known})"));
        option.CompletionSources.Add([.. Rendering.Meshes]);
        return option;
    }

    /// <summary>
    /// Builds the models (<paramref name="build"/> gives them, the problems of the files it read, and the mesh), then
    /// renders them. Flags that do not go together are bad usage (exit 2); problems in the files or the models are
    /// invalid input (exit 1).
    /// </summary>
    private static int Run(ParseResult result, Option<string?> meshOption, Option<string?> outputOption,
        Func<FlagReader, string?, (FamilyModels Models, List<ValidationProblem> FileProblems, string Mesh)> build, string? familyName = null)
    {
        var error = result.InvocationConfiguration.Error;
        var flags = new FlagReader(result);
        var format = flags.Text(outputOption, "yaml");
        var (family, fileProblems, mesh) = build(flags, flags.Value(meshOption));
        if (flags.Problems.Count > 0)
        {
            return UsageReport.Write(error, CommandPath.Of(result), flags.Problems);
        }
        // A file's readable documents are still checked, so one run lists every problem.
        if (fileProblems.Count > 0 && family.Models.Documents.Count == 0)
        {
            return ProblemReport.Write(error, CommandName, fileProblems);
        }
        var rendered = Rendering.Render(family.Models, new RenderOptions
        {
            Mesh = mesh,
            IntentMeshLayer = family.IntentMeshLayer,
            IntentNetworkLayer = family.IntentNetworkLayer,
        });
        if (fileProblems.Count > 0 || !rendered.Succeeded)
        {
            var problems = familyName is null ? rendered.Problems : [.. rendered.Problems.Select(p => FlagPaths.Rewrite(p, familyName, family.FlagPaths))];
            return ProblemReport.Write(error, CommandName, [.. fileProblems, .. problems]);
        }
        if (rendered.TrustAnchorKeys.Count > 0 && !KeepTrustAnchorKeys(rendered.TrustAnchorKeys, family.TrustAnchorKeyFile, error))
        {
            return ProblemReport.InvalidInputExitCode;
        }
        result.InvocationConfiguration.Output.Write(ObjectOutput.Format(rendered.Objects, format));
        result.InvocationConfiguration.Output.Flush();
        return 0;
    }

    private static bool KeepTrustAnchorKeys(IReadOnlyList<string> keys, string? file, TextWriter error)
    {
        if (file is null)
        {
            error.WriteLine("note: the generated trust anchor's private key was not kept (give --anchor-key-out to keep it offline for issuing the next issuer)");
            return true;
        }
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var stream = new StreamWriter(file, System.Text.Encoding.ASCII, options))
            {
                stream.Write(string.Concat(keys));
            }
            error.WriteLine($"note: the trust anchor's private key is in {file}; keep it offline");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            ProblemReport.Write(error, CommandName, [new("--anchor-key-out", $"cannot write '{file}': {ex.Message}")]);
            return false;
        }
    }
}
