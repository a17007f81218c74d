namespace Kubemate.ApiMachinery.Rbac;

/// <summary>
/// Kubernetes RBAC's escalation rule: a user may grant (in a Role, or by binding one) only what they hold
/// themselves, where they grant it. Each rule to grant is broken down into single requests (one verb, group,
/// resource and name, or one verb and path), and each must be one the user may make: a wildcard to grant needs the
/// same wildcard held, a rule without names needs the user's rule without names.
/// </summary>
public static class RbacEscalation
{
    /// <summary>The rules, broken down, that <paramref name="user"/> does not hold in <paramref name="ns"/> (null: cluster-wide).</summary>
    public static IReadOnlyList<PolicyRule> NotHeld(RbacAuthorizer authorizer, UserInfo user, string? ns, IEnumerable<PolicyRule> rules)
    {
        var missing = new List<PolicyRule>();
        foreach (var rule in rules)
        {
            foreach (var (single, request) in BrokenDown(rule, ns))
            {
                if (!authorizer.Authorize(user, request).Allowed && !missing.Contains(single))
                {
                    missing.Add(single);
                }
            }
        }
        return missing;
    }

    /// <summary>The apiserver's wording: who is asking and each rule they do not hold, one per line.</summary>
    public static string Describe(UserInfo user, IReadOnlyList<PolicyRule> notHeld) =>
        $"user \"{user.Name}\" (groups=[{string.Join(" ", user.Groups.Select(g => $"\"{g}\""))}]) is attempting to grant RBAC permissions not currently held:\n"
        + string.Join("\n", notHeld.Select(Format));

    private static IEnumerable<(PolicyRule Single, RequestAttributes Request)> BrokenDown(PolicyRule rule, string? ns)
    {
        foreach (var verb in rule.Verbs)
        {
            foreach (var path in rule.NonResourceUrls)
            {
                yield return (new PolicyRule([verb], [], [], [], [path]), RequestAttributes.ForPath(verb, path));
            }
            foreach (var group in rule.ApiGroups)
            {
                foreach (var resource in rule.Resources)
                {
                    var slash = resource.IndexOf('/', StringComparison.Ordinal);
                    var plural = slash < 0 ? resource : resource[..slash];
                    var subresource = slash < 0 ? null : resource[(slash + 1)..];
                    string?[] names = rule.ResourceNames.Count == 0 ? [null] : [.. rule.ResourceNames];
                    foreach (var name in names)
                    {
                        yield return (new PolicyRule([verb], [group], [resource], name is null ? [] : [name], []),
                            RequestAttributes.ForResource(verb, group, plural, ns, name, subresource));
                    }
                }
            }
        }
    }

    private static string Format(PolicyRule rule)
    {
        var parts = new List<string>();
        Add("APIGroups", rule.ApiGroups);
        Add("Resources", rule.Resources);
        Add("ResourceNames", rule.ResourceNames);
        Add("NonResourceURLs", rule.NonResourceUrls);
        Add("Verbs", rule.Verbs);
        return "{" + string.Join(", ", parts) + "}";

        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                parts.Add($"{name}:[{string.Join(" ", values.Select(v => $"\"{v}\""))}]");
            }
        }
    }
}
