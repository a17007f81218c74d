using System.CommandLine;
using Kubemate.CommandLine;

namespace Kubemate.Direct;

/// <summary>
/// The flags that choose where an operation runs: <c>--server</c>/<c>--token</c> (or <c>KUBEMATE_SERVER</c>/<c>KUBEMATE_TOKEN</c>)
/// for a running <c>kubemate serve</c>; otherwise directly against <c>--kubeconfig</c>/<c>--context</c> with the
/// local audit store <c>--audit</c>, its key and anchors in files next to it or (<c>--audit-trust secret</c>) in the
/// kubeconfig's cluster.
/// </summary>
public sealed class ConnectionFlags
{
    public Option<Uri?> Server { get; } = Flags.Url("--server", "URL of a running kubemate serve (default: $KUBEMATE_SERVER); without it, commands run directly against the cluster").Recursive();

    public Option<string?> Token { get; } = Flags.Text("--token", "Bearer token for --server (default: $KUBEMATE_TOKEN)").Recursive();

    public Option<FileInfo?> Kubeconfig { get; } = Flags.File("--kubeconfig", "Kubeconfig file for direct mode (default: $KUBECONFIG, else ~/.kube/config)").Recursive();

    public Option<string?> Context { get; } = Flags.Text("--context", "Kubeconfig context for direct mode (default: the current context)").Recursive();

    public Option<string?> Audit { get; } = Flags.Text("--audit", "Audit store for direct mode: a SQLite file or a PostgreSQL connection string (default: $XDG_DATA_HOME/kubemate/audit.db)").Recursive();

    public AuditTrustFlags AuditTrust { get; } = Recursive(new AuditTrustFlags(AuditTrustFlags.File));

    /// <summary>The flags that only direct mode uses.</summary>
    public IReadOnlyList<Option> DirectOnly => [Kubeconfig, Context, Audit, AuditTrust.Trust, AuditTrust.Namespace];

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Server, Token, Kubeconfig, Context, Audit, AuditTrust.Trust, AuditTrust.Namespace })
        {
            command.Options.Add(option);
        }
    }

    private static AuditTrustFlags Recursive(AuditTrustFlags flags)
    {
        flags.Trust.Recursive();
        flags.Namespace.Recursive();
        return flags;
    }
}
