using Kubemate.ApiMachinery.Rbac;
using Kubemate.Sandbox.Http;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Sandbox.Auth;

/// <summary>
/// <c>Impersonate-User</c> / <c>Impersonate-Group</c>: the caller must hold the <c>impersonate</c> verb on the
/// users (and groups, and service accounts) it names; then the request runs as them.
/// </summary>
public static class Impersonation
{
    public static SandboxIdentity Apply(HttpContext context, SandboxIdentity caller, SandboxAuthorizer authorizer)
    {
        var user = context.Request.Headers["Impersonate-User"].FirstOrDefault();
        var groups = context.Request.Headers["Impersonate-Group"].Where(g => !string.IsNullOrEmpty(g)).Select(g => g!).ToList();
        if (string.IsNullOrEmpty(user))
        {
            if (groups.Count > 0)
            {
                throw ApiError.BadRequest("requested impersonation of groups without impersonating a user");
            }
            return caller;
        }

        Require(caller, authorizer, user.StartsWith("system:serviceaccount:", StringComparison.Ordinal) ? ServiceAccountCheck(user) : ("", "users", user, ""));
        foreach (var group in groups)
        {
            Require(caller, authorizer, ("", "groups", group, ""));
        }
        return new SandboxIdentity(user, groups);
    }

    private static (string Group, string Resource, string Name, string Namespace) ServiceAccountCheck(string user)
    {
        var parts = user.Split(':');
        return ("", "serviceaccounts", parts.Length > 3 ? parts[3] : "", parts.Length > 2 ? parts[2] : "");
    }

    private static void Require(SandboxIdentity caller, SandboxAuthorizer authorizer, (string Group, string Resource, string Name, string Namespace) target)
    {
        var attributes = new RequestAttributes("impersonate", target.Group, target.Resource, null,
            target.Namespace.Length > 0 ? target.Namespace : null, target.Name, true, null);
        var decision = authorizer.Current.Authorize(SandboxAuthorizer.ToUser(caller), attributes);
        if (!decision.Allowed)
        {
            throw ApiError.Forbidden(target.Group, target.Resource, target.Name,
                $"{target.Resource} \"{target.Name}\" is forbidden: User \"{caller.Name}\" cannot impersonate resource \"{target.Resource}\" in API group \"\" at the cluster scope");
        }
    }
}
