using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Access;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Linkerd.Namespaces;

/// <summary>A namespace default as the <c>config.linkerd.io/default-inbound-policy</c> annotation on the Namespace.</summary>
internal sealed class LinkerdInboundPolicyMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is InboundPolicy;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model) => [];

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var policy = (InboundPolicy)model;
        var ns = KubeJson.NewObject("v1", "Namespace", policy.Name, null);
        KubeJson.SetAnnotation(ns, LinkerdNames.DefaultInboundPolicy, InboundPolicyValues.ToLinkerd(policy.Default));
        yield return ns;
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var ns in pool.All("", "Namespace"))
        {
            if (!KubeJson.Annotations(ns).TryGetValue(LinkerdNames.DefaultInboundPolicy, out var value))
            {
                continue;
            }
            if (InboundPolicyValues.FromLinkerd(value) is not InboundPolicyMode mode)
            {
                pool.Decline(ns, $"{LinkerdNames.DefaultInboundPolicy} '{value}' is not a Linkerd inbound policy");
                continue;
            }
            pool.Claim(ns);
            yield return new InboundPolicy { Name = KubeJson.Name(ns), Default = mode };
        }
    }
}
