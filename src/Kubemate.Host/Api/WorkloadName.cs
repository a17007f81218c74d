using Kubemate.Host.Problems;

namespace Kubemate.Host.Api;

/// <summary><c>deployment/orders</c>, <c>statefulset/postgres</c>, <c>daemonset/x</c> (kinds case-insensitive, plurals accepted).</summary>
public static class WorkloadName
{
    private static readonly Dictionary<string, (string Kind, string Plural)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deployment"] = ("Deployment", "deployments"),
        ["deployments"] = ("Deployment", "deployments"),
        ["statefulset"] = ("StatefulSet", "statefulsets"),
        ["statefulsets"] = ("StatefulSet", "statefulsets"),
        ["daemonset"] = ("DaemonSet", "daemonsets"),
        ["daemonsets"] = ("DaemonSet", "daemonsets"),
    };

    public static bool Check(string value, string field, RequestErrors errors)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !Kinds.ContainsKey(value[..slash]))
        {
            errors.Add(field, "must be kind/name with kind deployment, statefulset or daemonset, e.g. deployment/orders");
            return false;
        }
        return KubernetesNames.CheckSubdomain(value[(slash + 1)..], field, errors);
    }

    /// <summary>The lower-case singular form the operations expect: <c>deployment/orders</c>.</summary>
    public static string Normalize(string value)
    {
        var (kind, _, name) = Parse(value);
        return $"{kind.ToLowerInvariant()}/{name}";
    }

    public static (string Kind, string Plural, string Name) Parse(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        var (kind, plural) = Kinds[value[..slash]];
        return (kind, plural, value[(slash + 1)..]);
    }
}
