using Kubemate.Model.Access;
using Kubemate.Model.Edge.Network;
using Kubemate.Renderers.NetworkPolicies;

namespace Kubemate.Modeling.Rendering;

/// <summary>NetworkPolicies: access rules, namespace isolation, and (when asked) the L3/L4 layer of every access intent.</summary>
internal static class NetworkLayer
{
    public static LayerOutput Render(ModelSet models, RenderSettings settings)
    {
        var output = new LayerOutput();
        var rules = models.Of<NetworkAccessRule>().ToList();
        if (settings.IntentNetworkLayer)
        {
            foreach (var (intent, origin) in models.Of<AccessIntent>())
            {
                var (rule, problems) = AccessIntentNetworkRules.Map(intent);
                output.AddProblems(problems, origin);
                if (rule is not null)
                {
                    rules.Add((rule, origin));
                }
            }
        }
        foreach (var (rule, origin) in rules)
        {
            var problems = rule.Validate().ToList();
            output.AddProblems(problems, origin);
            if (problems.Count == 0)
            {
                output.Objects.Add(new(NetworkPolicyRenderer.RenderAccessRule(rule), origin));
            }
        }
        foreach (var (isolation, origin) in models.Of<NamespaceIsolation>())
        {
            var problems = isolation.Validate().ToList();
            output.AddProblems(problems, origin);
            if (problems.Count == 0)
            {
                output.Objects.AddRange(NetworkPolicyRenderer.RenderNamespaceIsolation(isolation).Select(o => new RenderedObject(o, origin)));
            }
        }
        return output;
    }
}
