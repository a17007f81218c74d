using System.CommandLine;
using Kubemate.Cluster.Apply;
using Kubemate.Direct;
using Kubemate.Direct.Terminal;
using Kubemate.CommandLine;
using Kubemate.Remote;

namespace Kubemate.Commands;

/// <summary>
/// <c>kubemate apply -f FILE</c>: previews every object by server-side dry run, prints the diff, then applies all or
/// nothing through the apply engine. Conflicts with other field managers stop it unless <c>--force-conflicts</c>;
/// <c>--dry-run</c> stops after the diff; <c>--gitops-dir</c> writes the files instead of applying.
/// </summary>
public static class ApplyCommand
{
    private const string CommandName = "kubemate apply";

    public static Command Create()
    {
        var connection = new ConnectionFlags();
        var file = Flags.Text("--filename", "Objects to apply: multi-document YAML or a JSON List; - reads standard input (required)", "-f").Required();
        var dryRun = Flags.Switch("--dry-run", "Print the diff and stop; change nothing");
        var gitopsDir = Flags.Directory("--gitops-dir", "Write one file per object into this directory instead of applying (nothing is sent to the cluster)");
        var force = Flags.Switch("--force-conflicts", "Take over fields another field manager owns (only when you mean to)");
        var command = new Command("apply", "Apply objects through Kubemate's engine: diff first, all or nothing, audited")
        {
            file, dryRun, gitopsDir, force,
        };
        connection.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetResult(gitopsDir) is { Implicit: false } given && result.GetValue(dryRun))
            {
                given.AddError("cannot be combined with --dry-run (GitOps mode changes nothing in the cluster already)");
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            var flags = new FlagReader(result);
            var error = result.InvocationConfiguration.Error;
            var path = flags.Value(file);
            var directory = flags.Value(gitopsDir)?.FullName;
            var open = BackendChoice.Read(flags, connection);
            var input = path is null ? null : ManifestInput.Read(path, file.Name, Console.In, flags.Problems);
            if (flags.Problems.Count > 0 || open is null || input is null)
            {
                return Task.FromResult(UsageReport.Write(error, CommandName, flags.Problems));
            }
            var output = result.InvocationConfiguration.Output;
            var colour = TerminalOutput.IsTerminal(output);
            return OperationRun.WithBackendAsync(error, CommandName, open, backend => directory is not null
                ? ExportAsync(backend, input.Value.Text, directory, output, error, cancellationToken)
                : ApplyAsync(backend, input.Value.Text, flags.Switch(dryRun), flags.Switch(force), output, error, colour, cancellationToken));
        });
        return command;
    }

    private static async Task<int> ApplyAsync(IOperationsBackend backend, string yaml, bool dryRun, bool force, TextWriter output, TextWriter error, bool colour, CancellationToken cancellationToken)
    {
        var preview = await backend.PreviewAsync(yaml, cancellationToken);
        DiffPrinter.Write(output, preview.DryRun.Objects, colour);
        var conflicts = preview.DryRun.Objects.SelectMany(o => o.Conflicts.Select(c => (o.Object.ToString(), c))).ToList();
        var otherFailures = preview.DryRun.Objects.Where(o => o.Status == ObjectStatus.Failed && o.Conflicts.Count == 0).ToList();
        if (otherFailures.Count > 0 || (conflicts.Count > 0 && !force))
        {
            WriteResults(output, preview.DryRun);
            if (conflicts.Count > 0 && !force)
            {
                ConflictPrinter.Write(error, conflicts);
            }
            error.WriteLine($"{CommandName}: the dry run failed; nothing was changed");
            error.Flush();
            return ExitCodes.Failed;
        }
        if (dryRun)
        {
            WriteResults(output, preview.DryRun);
            output.WriteLine("dry run: nothing was changed");
            output.Flush();
            return ExitCodes.Ok;
        }
        ChangeSetResult applied;
        try
        {
            applied = await backend.ApplyAsync(preview, force, cancellationToken);
        }
        catch (OperationException conflict) when (conflict.Failure == OperationFailure.Conflict)
        {
            ConflictPrinter.Write(error, conflict.Conflicts.Select(c => ("", c)));
            return ExitCodes.Failed;
        }
        WriteResults(output, applied);
        output.Flush();
        if (applied.Succeeded)
        {
            return ExitCodes.Ok;
        }
        var lateConflicts = applied.Objects.SelectMany(o => o.Conflicts.Select(c => (o.Object.ToString(), c))).ToList();
        if (lateConflicts.Count > 0)
        {
            ConflictPrinter.Write(error, lateConflicts);
        }
        error.WriteLine($"{CommandName}: not applied; objects already changed were restored");
        error.Flush();
        return ExitCodes.Failed;
    }

    private static async Task<int> ExportAsync(IOperationsBackend backend, string yaml, string directory, TextWriter output, TextWriter error, CancellationToken cancellationToken) =>
        await GitOpsFiles.WriteAsync(await backend.ExportGitOpsAsync(yaml, cancellationToken), directory, output, error, CommandName, "--gitops-dir", cancellationToken);

    private static void WriteResults(TextWriter output, ChangeSetResult result)
    {
        var table = new TextTable("OBJECT", "OPERATION", "STATUS", "REASON");
        foreach (var obj in result.Objects)
        {
            table.Add(obj.Object.ToString(), DiffPrinter.Operation(obj.Operation), Status(obj.Status), obj.Reason ?? "");
        }
        table.Write(output);
    }

    private static string Status(ObjectStatus status) => status switch
    {
        ObjectStatus.DryRunOk => "dry-run-ok",
        ObjectStatus.RolledBack => "rolled-back",
        _ => status.ToString().ToLowerInvariant(),
    };
}
