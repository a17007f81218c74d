using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Rbac;

/// <summary>
/// Computes the rules of aggregated ClusterRoles as Kubernetes' aggregation controller does: a ClusterRole with
/// <c>aggregationRule.clusterRoleSelectors</c> gets the union of the rules of every other ClusterRole whose labels
/// match a selector (roles by name, duplicates dropped). Aggregated roles may aggregate each other (<c>admin</c>
/// includes <c>edit</c>), so the computation repeats until nothing changes. Rules written on an aggregated role
/// itself are ignored, because the controller owns them.
/// </summary>
public static class ClusterRoleAggregation
{
    /// <summary>The computed rules of every aggregated ClusterRole, by name (for writing back into stored objects).</summary>
    /// <exception cref="RbacPolicyException">a ClusterRole cannot be read.</exception>
    public static IReadOnlyDictionary<string, IReadOnlyList<PolicyRule>> Compute(IEnumerable<JsonObject> clusterRoles)
    {
        var roles = clusterRoles.Select(RbacObjectReader.ReadRole).ToList();
        var effective = EffectiveRules(roles);
        return roles.Where(r => r.AggregationSelectors is not null).ToDictionary(r => r.Name, r => effective[r.Name], StringComparer.Ordinal);
    }

    /// <summary>The rules each ClusterRole grants: its own, or the aggregated union.</summary>
    internal static Dictionary<string, IReadOnlyList<PolicyRule>> EffectiveRules(IReadOnlyList<RbacRole> clusterRoles)
    {
        var byName = clusterRoles.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        var effective = byName.ToDictionary(
            r => r.Name,
            r => r.AggregationSelectors is null ? r.Rules : (IReadOnlyList<PolicyRule>)[],
            StringComparer.Ordinal);
        var aggregated = byName.Where(r => r.AggregationSelectors is not null).ToList();

        // Each pass can only add rules; a bound on passes also stops an ordering that flips between equal sets.
        for (var pass = 0; pass <= aggregated.Count; pass++)
        {
            var changed = false;
            foreach (var role in aggregated)
            {
                var rules = new List<PolicyRule>();
                foreach (var selector in role.AggregationSelectors!)
                {
                    foreach (var source in byName.Where(r => r.Name != role.Name && selector.Matches(r.Labels)))
                    {
                        rules.AddRange(effective[source.Name].Where(rule => !rules.Contains(rule)));
                    }
                }
                if (!rules.SequenceEqual(effective[role.Name]))
                {
                    effective[role.Name] = rules;
                    changed = true;
                }
            }
            if (!changed)
            {
                break;
            }
        }
        return effective;
    }
}
