using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Rbac;

/// <summary>What a user may do in a namespace: the <c>status</c> of a SelfSubjectRulesReview (<c>kubectl auth can-i --list</c>).</summary>
public sealed record SubjectRulesReview(
    IReadOnlyList<ResourceRule> ResourceRules,
    IReadOnlyList<NonResourceRule> NonResourceRules,
    IReadOnlyList<string> EvaluationErrors)
{
    /// <summary>True when some bindings could not be resolved, so the lists may miss rules.</summary>
    public bool Incomplete => EvaluationErrors.Count > 0;

    /// <summary>The review's <c>status</c> object, as the apiserver returns it.</summary>
    public JsonObject ToStatusJson()
    {
        var status = new JsonObject
        {
            ["resourceRules"] = new JsonArray([.. ResourceRules.Select(rule => (JsonNode?)ResourceRuleJson(rule))]),
            ["nonResourceRules"] = new JsonArray([.. NonResourceRules.Select(rule => (JsonNode?)new JsonObject
            {
                ["verbs"] = Strings(rule.Verbs),
                ["nonResourceURLs"] = Strings(rule.NonResourceUrls),
            })]),
            ["incomplete"] = Incomplete,
        };
        if (Incomplete)
        {
            status["evaluationError"] = EvaluationErrors.Count == 1 ? EvaluationErrors[0] : "[" + string.Join(", ", EvaluationErrors) + "]";
        }
        return status;
    }

    private static JsonObject ResourceRuleJson(ResourceRule rule)
    {
        var json = new JsonObject { ["verbs"] = Strings(rule.Verbs) };
        if (rule.ApiGroups.Count > 0)
        {
            json["apiGroups"] = Strings(rule.ApiGroups);
        }
        if (rule.Resources.Count > 0)
        {
            json["resources"] = Strings(rule.Resources);
        }
        if (rule.ResourceNames.Count > 0)
        {
            json["resourceNames"] = Strings(rule.ResourceNames);
        }
        return json;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
