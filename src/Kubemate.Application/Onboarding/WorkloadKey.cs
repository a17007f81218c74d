using Kubemate.Cluster.Discovery;

namespace Kubemate.Application.Onboarding;

/// <summary>
/// A pod controller in one namespace: Deployment, StatefulSet or DaemonSet and its name. The one grammar the REST
/// API, the CLI and the console read a workload in: <c>deployment/orders</c>, <c>deploy/orders</c>,
/// <c>sts/postgres</c>, <c>statefulset/postgres</c>, <c>ds/agent</c>, <c>daemonset/agent</c> (kinds in any case,
/// plurals accepted, as kubectl takes them), or a bare <c>orders</c>, which is a Deployment.
/// </summary>
public sealed record WorkloadKey(string Kind, string Name)
{
    /// <summary>The kinds as a user writes them, for help and error texts.</summary>
    public static string KnownKinds => "deployment (deploy), statefulset (sts), daemonset (ds)";

    private static readonly Dictionary<string, string> KindNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deployment"] = "Deployment", ["deployments"] = "Deployment", ["deploy"] = "Deployment",
        ["statefulset"] = "StatefulSet", ["statefulsets"] = "StatefulSet", ["sts"] = "StatefulSet",
        ["daemonset"] = "DaemonSet", ["daemonsets"] = "DaemonSet", ["ds"] = "DaemonSet",
    };

    public string Plural => Kind.ToLowerInvariant() + "s";

    /// <summary>The served resource of the kind, which addresses the workload in the cluster (a method: not part of the wire form).</summary>
    public ResourceType ResourceType() => BuiltInTypes.Workload(Kind) ?? throw new InvalidOperationException($"{Kind} is not a pod controller kind");

    /// <summary>Parses a workload; an <see cref="ArgumentException"/> naming <paramref name="field"/> and the reason when it is not one.</summary>
    public static WorkloadKey Parse(string text, string field) =>
        TryParse(text, out var key, out var reason) ? key : throw new ArgumentException($"{field}: {reason}", field);

    /// <summary>Parses a workload; false and the reason (naming no field: the caller names it) when it is not one.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WorkloadKey? key, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? reason)
    {
        key = null;
        var slash = text.IndexOf('/');
        var (kindText, name) = slash < 0 ? ("deployment", text) : (text[..slash], text[(slash + 1)..]);
        if (slash == 0 || name.Length == 0 || name.Contains('/'))
        {
            reason = $"'{text}' is not KIND/NAME or NAME, e.g. deployment/orders";
            return false;
        }
        if (!KindNames.TryGetValue(kindText, out var kind))
        {
            reason = $"'{kindText}' is not a workload kind that can be rolled (one of {KnownKinds})";
            return false;
        }
        if (!IsObjectName(name))
        {
            reason = $"'{name}' is not a Kubernetes object name (lower-case letters, digits, '-' and '.', at most 253)";
            return false;
        }
        key = new WorkloadKey(kind, name);
        reason = null;
        return true;
    }

    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name}";

    private static bool IsObjectName(string name) =>
        name.Length <= 253
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.')
        && char.IsAsciiLetterOrDigit(name[0])
        && char.IsAsciiLetterOrDigit(name[^1]);
}
