using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Access;
using Kubemate.Model.Drivers;
using Kubemate.Model.Kube;
using Kubemate.Model.Validation;

namespace Kubemate.Drivers.Istio.Namespaces;

/// <summary>
/// A namespace default as the namespace-wide PeerAuthentication <c>default</c>: PERMISSIVE for all clients,
/// STRICT (mTLS only) for authenticated clients; deny adds the empty ALLOW policy <c>allow-nothing</c>, which
/// denies every request no other policy allows.
/// </summary>
internal sealed class IstioInboundPolicyMapper : IModelMapper
{
    public bool Handles(IMeshModel model) => model is InboundPolicy;

    public IEnumerable<ValidationProblem> Validate(IMeshModel model) => [];

    public IEnumerable<JsonObject> Render(IMeshModel model)
    {
        var policy = (InboundPolicy)model;
        var peer = KubeJson.NewObject(IstioNames.SecurityV1, "PeerAuthentication", IstioNames.NamespacePeerAuthentication, policy.Name);
        peer["spec"] = new JsonObject { ["mtls"] = new JsonObject { ["mode"] = policy.Default == InboundPolicyMode.AllUnauthenticated ? "PERMISSIVE" : "STRICT" } };
        yield return peer;
        if (policy.Default == InboundPolicyMode.Deny)
        {
            var deny = KubeJson.NewObject(IstioNames.SecurityV1, "AuthorizationPolicy", IstioNames.AllowNothingPolicy, policy.Name);
            deny["spec"] = new JsonObject();
            yield return deny;
        }
    }

    public IEnumerable<IMeshModel> Read(ObjectPool pool)
    {
        foreach (var peer in pool.Unclaimed(IstioNames.SecurityGroup, "PeerAuthentication"))
        {
            var ns = KubeJson.Namespace(peer);
            var mode = KubeJson.String(peer, "spec.mtls.mode");
            if (KubeJson.Name(peer) != IstioNames.NamespacePeerAuthentication || ns is null || KubeJson.Object(peer, "spec.selector") is not null || mode is not ("STRICT" or "PERMISSIVE"))
            {
                pool.Decline(peer, "only the namespace-wide PeerAuthentication 'default' in STRICT or PERMISSIVE mode is a namespace default");
                continue;
            }
            var deny = pool.Find(IstioNames.SecurityGroup, "AuthorizationPolicy", ns, IstioNames.AllowNothingPolicy);
            var denies = deny is not null && KubeJson.Object(deny, "spec") is null or { Count: 0 };
            pool.Claim(peer);
            if (denies && mode == "STRICT")
            {
                pool.Claim(deny!);
            }
            yield return new InboundPolicy
            {
                Name = ns,
                Default = mode == "PERMISSIVE" ? InboundPolicyMode.AllUnauthenticated : denies ? InboundPolicyMode.Deny : InboundPolicyMode.AllAuthenticated,
            };
        }
    }
}
