using Kubemate.ApiMachinery.Rbac;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Auth;

/// <summary>
/// RBAC over the roles and bindings currently stored. The evaluator is rebuilt only when one of the four RBAC
/// resources was written since the last request.
/// </summary>
public sealed class SandboxAuthorizer(ObjectStore store)
{
    private static readonly string[] RbacResources =
    [
        "rbac.authorization.k8s.io/roles",
        "rbac.authorization.k8s.io/clusterroles",
        "rbac.authorization.k8s.io/rolebindings",
        "rbac.authorization.k8s.io/clusterrolebindings",
    ];

    private (long Stamp, RbacAuthorizer Authorizer)? _cache;

    public RbacAuthorizer Current
    {
        get
        {
            var stamp = RbacResources.Max(store.LastWrite);
            var cached = _cache;
            if (cached is { } c && c.Stamp == stamp)
            {
                return c.Authorizer;
            }
            var authorizer = new RbacAuthorizer(RbacResources.SelectMany(resource => store.List(resource).Items.Select(s => s.Object)));
            _cache = (stamp, authorizer);
            return authorizer;
        }
    }

    public AuthorizationDecision Authorize(SandboxIdentity user, RequestInfo info) =>
        Current.Authorize(ToUser(user), ToAttributes(info));

    public static UserInfo ToUser(SandboxIdentity user) => new(user.Name, user.EffectiveGroups);

    public static RequestAttributes ToAttributes(RequestInfo info) => new(
        info.Verb,
        info.IsResourceRequest ? info.Group : null,
        info.IsResourceRequest ? info.Resource : null,
        info.Subresource.Length > 0 ? info.Subresource : null,
        info.Namespace.Length > 0 ? info.Namespace : null,
        info.Name.Length > 0 ? info.Name.Split(':')[0] : null,
        info.IsResourceRequest,
        info.IsResourceRequest ? null : info.Path);
}
