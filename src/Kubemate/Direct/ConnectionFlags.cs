using System.CommandLine;
using Kubemate.Modeling.Families;

namespace Kubemate.Direct;

/// <summary>
/// The flags that choose where an operation runs: <c>--server</c>/<c>--token</c> (or <c>KUBEMATE_SERVER</c>/<c>KUBEMATE_TOKEN</c>)
/// for a running <c>kubemate serve</c>; otherwise directly against <c>--kubeconfig</c>/<c>--context</c> with the
/// local audit store <c>--audit</c>.
/// </summary>
public sealed class ConnectionFlags
{
    public Option<string?> Server { get; } = Recursive(Flags.Text("--server", "URL of a running kubemate serve (default: $KUBEMATE_SERVER); without it, commands run directly against the cluster"));

    public Option<string?> Token { get; } = Recursive(Flags.Text("--token", "Bearer token for --server (default: $KUBEMATE_TOKEN)"));

    public Option<string?> Kubeconfig { get; } = Recursive(Flags.Text("--kubeconfig", "Kubeconfig file for direct mode (default: $KUBECONFIG, else ~/.kube/config)"));

    public Option<string?> Context { get; } = Recursive(Flags.Text("--context", "Kubeconfig context for direct mode (default: the current context)"));

    public Option<string?> Audit { get; } = Recursive(Flags.Text("--audit", "Audit store for direct mode: a SQLite file or a PostgreSQL connection string (default: $XDG_DATA_HOME/kubemate/audit.db)"));

    public void AddTo(Command command)
    {
        foreach (var option in new[] { Server, Token, Kubeconfig, Context, Audit })
        {
            command.Options.Add(option);
        }
    }

    private static Option<string?> Recursive(Option<string?> option)
    {
        option.Recursive = true;
        return option;
    }
}
