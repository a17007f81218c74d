using System.CommandLine;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Audit.Trust;

namespace Kubemate.CommandLine;

/// <summary>
/// <c>--audit-trust</c> and <c>--audit-trust-namespace</c>: whether the audit key and anchors live in files next to the
/// store (<c>file</c>) or in a Secret and a ConfigMap of Kubemate's namespace on the cluster (<c>secret</c>).
/// </summary>
public sealed class AuditTrustFlags(string defaultTrust)
{
    public const string File = "file";
    public const string Secret = "secret";

    public Option<string?> Trust { get; } = Flags.Choice("--audit-trust",
        $"Where the audit key and anchors live: file (next to the audit store) or secret (a Secret and a ConfigMap in --audit-trust-namespace on the cluster); default: {defaultTrust}",
        [File, Secret]);

    public Option<string?> Namespace { get; } = Flags.Parsed<string?>("--audit-trust-namespace",
        $"The namespace of the audit key Secret and anchors ConfigMap with --audit-trust secret (default: {KubernetesAuditTrust.DefaultNamespace})", [], ParseNamespace);

    private static (string? Value, string? Problem) ParseNamespace(string text) =>
        NameFormats.IsDns1123Label(text) is { Count: > 0 } problems ? (null, $"'{text}' is not a namespace name: {string.Join("; ", problems)}") : (text, null);
}
