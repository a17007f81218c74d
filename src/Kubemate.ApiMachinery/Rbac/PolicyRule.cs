using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Rbac;

/// <summary>
/// One rule of a Role or ClusterRole. A resource rule lists verbs, API groups, resources (<c>*</c>,
/// <c>pods/log</c>, <c>*/scale</c>) and optionally resource names; a non-resource rule lists verbs and URL paths
/// (a trailing <c>*</c> matches any suffix).
/// </summary>
public sealed record PolicyRule(
    IReadOnlyList<string> Verbs,
    IReadOnlyList<string> ApiGroups,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> NonResourceUrls)
{
    private const string All = "*";

    /// <summary>Reads a rule from RBAC JSON (<c>verbs</c>, <c>apiGroups</c>, <c>resources</c>, <c>resourceNames</c>, <c>nonResourceURLs</c>).</summary>
    /// <exception cref="RbacPolicyException">a field is not a list of strings.</exception>
    public static PolicyRule FromJson(JsonNode? rule, string path = "rule") => RbacObjectReader.ReadRule(rule, path, "PolicyRule");

    /// <summary>Whether this rule allows the request (apiserver's <c>RuleAllows</c>).</summary>
    public bool Allows(RequestAttributes request)
    {
        if (!Verbs.Any(verb => verb == All || verb == request.Verb))
        {
            return false;
        }
        if (!request.IsResourceRequest)
        {
            return MatchesPath(request.Path ?? "");
        }
        var group = request.ApiGroup ?? "";
        var subresource = request.Subresource ?? "";
        var resource = subresource.Length == 0 ? request.Resource ?? "" : request.Resource + "/" + subresource;
        return ApiGroups.Any(g => g == All || g == group)
            && MatchesResource(resource, subresource)
            && (ResourceNames.Count == 0 || ResourceNames.Contains(request.Name ?? "", StringComparer.Ordinal));
    }

    /// <summary>The rule as RBAC JSON; empty lists are left out, as the apiserver serialises them.</summary>
    public JsonObject ToJson()
    {
        var rule = new JsonObject();
        Add("verbs", Verbs);
        Add("apiGroups", ApiGroups);
        Add("resources", Resources);
        Add("resourceNames", ResourceNames);
        Add("nonResourceURLs", NonResourceUrls);
        return rule;

        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                rule[name] = new JsonArray([.. values.Select(v => (JsonNode?)v)]);
            }
        }
    }

    public bool Equals(PolicyRule? other) =>
        other is not null
        && Verbs.SequenceEqual(other.Verbs)
        && ApiGroups.SequenceEqual(other.ApiGroups)
        && Resources.SequenceEqual(other.Resources)
        && ResourceNames.SequenceEqual(other.ResourceNames)
        && NonResourceUrls.SequenceEqual(other.NonResourceUrls);

    public override int GetHashCode() =>
        HashCode.Combine(string.Join(",", Verbs), string.Join(",", ApiGroups), string.Join(",", Resources), string.Join(",", NonResourceUrls));

    private bool MatchesResource(string combined, string subresource)
    {
        foreach (var resource in Resources)
        {
            if (resource == All || resource == combined)
            {
                return true;
            }
            // "*/scale" grants the scale subresource of every resource.
            if (subresource.Length > 0 && resource.Length == subresource.Length + 2
                && resource.StartsWith("*/", StringComparison.Ordinal) && resource.EndsWith(subresource, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    private bool MatchesPath(string path)
    {
        foreach (var url in NonResourceUrls)
        {
            if (url == All || url == path)
            {
                return true;
            }
            if (url.EndsWith('*') && path.StartsWith(url.TrimEnd('*'), StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }
}
