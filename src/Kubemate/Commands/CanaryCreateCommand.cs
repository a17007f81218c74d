using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Application.Canary.Resource;
using Kubemate.Cluster.Apply;
using Kubemate.Cluster.GitOps;
using Kubemate.CommandLine;
using Kubemate.Direct;
using Kubemate.Direct.Terminal;
using Kubemate.Model.Collections;
using Kubemate.Model.Validation;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate canary create NAME -n NS</c> from flags (<c>--service --stable --canary --mode --steps --weight</c>) or
/// from a CanaryRelease file (<c>-f</c>): previews it (the diff), then applies it; <c>--dry-run</c> stops after the
/// diff, <c>--gitops DIR</c> writes the release's file instead.
/// </summary>
public static class CanaryCreateCommand
{
    private const string CommandName = "kubemate canary create";

    public static Command Create(ConnectionFlags connection)
    {
        var (ns, name) = CanaryCommand.Target();
        name.Arity = ArgumentArity.ZeroOrOne;
        var file = Flags.File("--filename", "A CanaryRelease (YAML or JSON) instead of the flags below", "-f");
        var service = Flags.Text("--service", "The Service clients call");
        var stable = Flags.Text("--stable", "The Service selecting the stable pods");
        var canary = Flags.Text("--canary", "The Service selecting the canary pods");
        var mode = Flags.Choice("--mode", "manual (default: a person sets the weight) or progressive (Kubemate walks --steps)", ["manual", "progressive"]);
        var steps = Flags.Parsed<int[]>("--steps", "Progressive weights, e.g. 5,10,25,50", [], ParseSteps);
        var pause = Flags.Text("--step-pause", "How long each step holds before it may advance, e.g. 30s (default: until a check passes)");
        var weight = Flags.Integer("--weight", "Manual mode: the canary's first weight (0-100, default 0)", 0, 100);
        var dryRun = Flags.Switch("--dry-run", "Print the diff and stop; change nothing");
        var gitops = Flags.Directory("--gitops", "Write the release's file into this directory instead of applying it");
        var force = Flags.Switch("--force-conflicts", "Take over fields another field manager owns");
        var command = new Command("create", "Create or change a release: diff first, then apply (audited)")
        {
            name, ns, file, service, stable, canary, mode, steps, pause, weight, dryRun, gitops, force,
        };
        command.SetAction((result, cancellationToken) => CanaryCommand.Run(result, connection, CommandName, async (server, output) =>
        {
            var flags = new FlagReader(result);
            var space = result.GetValue(ns)!;
            var (releaseName, spec) = flags.IsGiven(file)
                ? FromFile(flags, file, result.GetValue(name), space)
                : FromFlags(flags, result.GetValue(name), service, stable, canary, mode, steps, pause, weight);
            if (flags.IsGiven(gitops) && flags.Switch(dryRun))
            {
                flags.Problems.Add(new(gitops.Name, "cannot be combined with --dry-run (a GitOps export changes nothing in the cluster already)"));
            }
            var error = result.InvocationConfiguration.Error;
            if (flags.Problems.Count > 0 || releaseName is null || spec is null)
            {
                return UsageReport.Write(error, CommandName, flags.Problems);
            }
            if (flags.Value(gitops) is { } directory)
            {
                var yaml = await server.ExportCanaryAsync(space, releaseName, spec, cancellationToken);
                return await GitOpsFiles.WriteAsync(yaml, directory.FullName, output, error, CommandName, gitops.Name, cancellationToken);
            }
            var (dry, previewId, traffic) = await server.PreviewCanaryAsync(space, releaseName, spec, cancellationToken);
            DiffPrinter.Write(output, dry.Objects, TerminalOutput.IsTerminal(output));
            if (previewId is null)
            {
                error.WriteLine($"{CommandName}: the dry run failed: {string.Join("; ", dry.Objects.Select(o => o.Reason).OfType<string>())}; nothing was changed");
                return ExitCodes.Failed;
            }
            output.WriteLine($"the controller will write {traffic} traffic object{(traffic == 1 ? "" : "s")} when the release starts");
            if (flags.Switch(dryRun))
            {
                output.WriteLine("dry run: nothing was changed");
                return ExitCodes.Ok;
            }
            var applied = await server.ApplyCanaryAsync(space, previewId, flags.Switch(force), cancellationToken);
            if (!applied.Succeeded)
            {
                error.WriteLine($"{CommandName}: not applied: {string.Join("; ", applied.Objects.Select(o => o.Reason).OfType<string>())}");
                return ExitCodes.Failed;
            }
            output.WriteLine($"canary release {space}/{releaseName} applied");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static (string? Name, CanaryReleaseSpec? Spec) FromFlags(FlagReader flags, string? name, Option<string?> service, Option<string?> stable,
        Option<string?> canary, Option<string?> mode, Option<int[]?> steps, Option<string?> pause, Option<int?> weight)
    {
        if (name is null)
        {
            flags.Problems.Add(new("name", "is required (or give -f with a CanaryRelease)"));
        }
        flags.Require(service, "without -f");
        flags.Require(stable, "without -f");
        flags.Require(canary, "without -f");
        var progressive = flags.Text(mode, "manual") == "progressive";
        if (progressive && !flags.IsGiven(steps))
        {
            flags.Problems.Add(new(steps.Name, "is required with --mode progressive"));
        }
        if (!progressive && (flags.IsGiven(steps) || flags.IsGiven(pause)))
        {
            flags.Problems.Add(new(flags.IsGiven(steps) ? steps.Name : pause.Name, "is for --mode progressive"));
        }
        if (progressive && flags.IsGiven(weight))
        {
            flags.Problems.Add(new(weight.Name, "is for --mode manual; progressive releases take their weights from --steps"));
        }
        if (flags.Problems.Count > 0)
        {
            return (null, null);
        }
        var spec = new CanaryReleaseSpec
        {
            Service = flags.Value(service)!,
            Stable = flags.Value(stable)!,
            Canary = flags.Value(canary)!,
            Mode = progressive ? ReleaseMode.Progressive : ReleaseMode.Manual,
            Weight = progressive ? null : flags.Value(weight),
            Steps = progressive ? (flags.Value(steps) ?? []).Select(w => new ReleaseStep { Weight = w, Pause = flags.Value(pause) }).ToValueList() : [],
        };
        return (name, spec);
    }

    /// <summary>The release in the file: its name (the argument must match when both are given), namespace (must match -n) and spec.</summary>
    private static (string? Name, CanaryReleaseSpec? Spec) FromFile(FlagReader flags, Option<FileInfo?> option, string? name, string ns)
    {
        var path = flags.Value(option)!.FullName;
        try
        {
            var documents = YamlJson.ParseDocuments(YamlText.ReadFile(path));
            if (documents is not [JsonObject release] || (string?)release["kind"] != CanaryReleaseCrd.Kind || (string?)release["apiVersion"] != CanaryReleaseCrd.ApiVersion)
            {
                flags.Problems.Add(new(option.Name, $"'{path}' must hold one {CanaryReleaseCrd.Kind} ({CanaryReleaseCrd.ApiVersion})"));
                return (null, null);
            }
            var fileName = (string?)release["metadata"]?["name"];
            var fileNamespace = (string?)release["metadata"]?["namespace"];
            if (fileNamespace is not null && fileNamespace != ns)
            {
                flags.Problems.Add(new(option.Name, $"the release is in namespace {fileNamespace}, not {ns} (-n)"));
            }
            if (name is not null && fileName is not null && name != fileName)
            {
                flags.Problems.Add(new("name", $"'{name}' differs from the file's metadata.name '{fileName}'"));
            }
            var spec = release["spec"].Deserialize<CanaryReleaseSpec>(CanaryJson.Options);
            if (spec is null)
            {
                flags.Problems.Add(new(option.Name, "the release has no spec"));
            }
            return (name ?? fileName, spec);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException or YamlFormatException or InvalidOperationException)
        {
            flags.Problems.Add(new(option.Name, $"cannot read '{path}': {error.Message}"));
            return (null, null);
        }
    }

    private static (int[]? Value, string? Problem) ParseSteps(string text)
    {
        var weights = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > 99)
            {
                return (null, $"'{part}' is not a weight from 1 to 99 (steps are comma-separated, e.g. 5,10,25,50)");
            }
            weights.Add(weight);
        }
        return ([.. weights], null);
    }
}
