using System.CommandLine;

namespace Kubemate.Commands;

/// <summary>The <c>kubemate</c> command tree. Each verb lives in its own file and is added here.</summary>
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
        return root;
    }
}
