using System.CommandLine;
using System.CommandLine.Invocation;
using Kubemate.Direct;

namespace Kubemate.Commands;

/// <summary>The <c>kubemate</c> command tree, and how it is run. Each verb lives in its own file and is added here.</summary>
public static class KubemateCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Kubemate: operate a service mesh and an edge gateway on Kubernetes safely.");
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RenderCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(MeshCommand.Create());
        root.Subcommands.Add(ApplyCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(StatCommand.Create());
        root.Subcommands.Add(EdgesCommand.Create());
        root.Subcommands.Add(CanaryCommand.Create());
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(CompletionCommand.Create());
        return root;
    }

    /// <summary>
    /// Parses and runs a command line. Bad usage of any verb goes to the one <see cref="UsageReport"/> (flag: reason
    /// lines on standard error, nothing on standard output, exit code 2) instead of System.CommandLine's default
    /// report, which prints help and typo suggestions to standard output and exits 1.
    /// </summary>
    public static Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var result = Build().Parse(args);
        if (result.Action is ParseErrorAction)
        {
            return Task.FromResult(UsageReport.Write(configuration?.Error ?? Console.Error, result));
        }
        return result.InvokeAsync(configuration, cancellationToken);
    }
}
