namespace Kubemate.Application.Onboarding;

/// <summary>A pod controller in one namespace: Deployment, StatefulSet or DaemonSet and its name.</summary>
internal sealed record WorkloadKey(string Kind, string Name)
{
    public static readonly string[] Kinds = ["Deployment", "StatefulSet", "DaemonSet"];

    public string Plural => Kind.ToLowerInvariant() + "s";

    public string ObjectPath(string ns) => $"apis/apps/v1/namespaces/{Uri.EscapeDataString(ns)}/{Plural}/{Uri.EscapeDataString(Name)}";

    public static string CollectionPath(string kind, string? ns) =>
        ns is null ? $"apis/apps/v1/{kind.ToLowerInvariant()}s" : $"apis/apps/v1/namespaces/{Uri.EscapeDataString(ns)}/{kind.ToLowerInvariant()}s";

    /// <summary>Parses <c>deployment/orders</c> (also <c>deploy</c>, <c>sts</c>, <c>ds</c> and plurals, as kubectl accepts).</summary>
    public static WorkloadKey Parse(string text, string field)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0 || slash == text.Length - 1)
        {
            throw new ArgumentException($"{field}: \"{text}\" is not kind/name, e.g. deployment/orders", field);
        }
        var kind = text[..slash].ToLowerInvariant() switch
        {
            "deployment" or "deployments" or "deploy" => "Deployment",
            "statefulset" or "statefulsets" or "sts" => "StatefulSet",
            "daemonset" or "daemonsets" or "ds" => "DaemonSet",
            var other => throw new ArgumentException($"{field}: kind \"{other}\" cannot be rolled; use deployment, statefulset or daemonset", field),
        };
        return new WorkloadKey(kind, text[(slash + 1)..]);
    }

    public override string ToString() => $"{Kind.ToLowerInvariant()}/{Name}";
}
