using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Rbac;
using Kubemate.Sandbox.Auth;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Admission;

/// <summary>
/// RBAC's escalation prevention, as the apiserver's RBAC storage applies it on create and update:
/// <list type="bullet">
/// <item>a Role or ClusterRole may hold only rules its writer holds where it applies, unless the writer may
/// <c>escalate</c> roles there; a ClusterRole's <c>aggregationRule</c> always needs <c>escalate</c>;</item>
/// <item>a RoleBinding or ClusterRoleBinding may name only a role whose rules its writer holds where the binding
/// applies, unless the writer may <c>bind</c> that role.</item>
/// </list>
/// Refusals are 403 Forbidden with the rules not held, worded as the apiserver words them.
/// </summary>
public sealed class RbacEscalationCheck(SandboxAuthorizer authorizer) : IAdmissionPlugin
{
    private const string RbacGroup = "rbac.authorization.k8s.io";

    public bool Mutates => false;

    public void Admit(AdmissionRequest request)
    {
        if (request.Type.Group != RbacGroup || request.Operation == AdmissionOperation.Delete || request.Subresource.Length > 0)
        {
            return;
        }
        var user = SandboxAuthorizer.ToUser(request.User);
        var rbac = authorizer.Current;
        var ns = request.Namespace.Length > 0 ? request.Namespace : null;
        var name = request.Object.Name();
        switch (request.Type.Kind)
        {
            case "Role" or "ClusterRole":
                if (Allowed(rbac, user, "escalate", request.Type.Plural, ns, name))
                {
                    return;
                }
                if (request.Object["aggregationRule"] is JsonObject)
                {
                    throw Refused(request, name, $"user \"{user.Name}\" must have cluster-admin privileges (escalate on clusterroles) to use an aggregationRule");
                }
                RefuseNotHeld(request, name, rbac, user, ns, RulesOf(request));
                return;
            case "RoleBinding" or "ClusterRoleBinding":
                var roleKind = request.Object.GetString("roleRef", "kind") ?? "";
                var roleName = request.Object.GetString("roleRef", "name") ?? "";
                var roleResource = roleKind == "ClusterRole" ? "clusterroles" : "roles";
                if (Allowed(rbac, user, "bind", roleResource, ns, roleName))
                {
                    return;
                }
                var rules = rbac.RoleRefRules(roleKind, roleName, request.Namespace)
                    ?? throw Refused(request, name, $"{roleResource[..^1]}.{RbacGroup} \"{roleName}\" not found");
                RefuseNotHeld(request, name, rbac, user, ns, rules);
                return;
        }
    }

    private static bool Allowed(RbacAuthorizer rbac, UserInfo user, string verb, string resource, string? ns, string name) =>
        rbac.Authorize(user, RequestAttributes.ForResource(verb, RbacGroup, resource, ns, name)).Allowed;

    private static void RefuseNotHeld(AdmissionRequest request, string name, RbacAuthorizer rbac, UserInfo user, string? ns, IEnumerable<PolicyRule> rules)
    {
        var notHeld = RbacEscalation.NotHeld(rbac, user, ns, rules);
        if (notHeld.Count > 0)
        {
            throw Refused(request, name, RbacEscalation.Describe(user, notHeld));
        }
    }

    private static List<PolicyRule> RulesOf(AdmissionRequest request)
    {
        var rules = new List<PolicyRule>();
        if (request.Object["rules"] is not JsonArray list)
        {
            return rules;
        }
        for (var i = 0; i < list.Count; i++)
        {
            try
            {
                rules.Add(PolicyRule.FromJson(list[i], $"rules[{i}]"));
            }
            catch (RbacPolicyException error)
            {
                throw ApiError.Invalid(request.Type.Group, request.Type.Kind, request.Object.Name(), [new StatusCause("FieldValueInvalid", error.Message, $"rules[{i}]")]);
            }
        }
        return rules;
    }

    private static ApiError Refused(AdmissionRequest request, string name, string why) =>
        ApiError.Forbidden(request.Type.Group, request.Type.Plural, name, $"{request.Type.Plural}.{request.Type.Group} \"{name}\" is forbidden: {why}");
}
