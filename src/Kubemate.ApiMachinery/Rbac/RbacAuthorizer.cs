using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Rbac;

/// <summary>
/// Kubernetes RBAC over a snapshot of Roles, ClusterRoles, RoleBindings and ClusterRoleBindings, with the decisions
/// and messages of the apiserver: ClusterRoleBindings grant everywhere, RoleBindings (to a Role or a ClusterRole)
/// grant only in their namespace, members of <c>system:masters</c> may do anything. Build a new instance when the
/// RBAC objects change; an instance is immutable and safe to share between requests.
/// </summary>
public sealed class RbacAuthorizer
{
    private static readonly PolicyRule EverythingRule = new(["*"], ["*"], ["*"], [], []);
    private static readonly PolicyRule EveryPathRule = new(["*"], [], [], [], ["*"]);

    private readonly IReadOnlyList<RbacBinding> _clusterRoleBindings;
    private readonly IReadOnlyDictionary<string, List<RbacBinding>> _roleBindingsByNamespace;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<PolicyRule>> _clusterRoleRules;
    private readonly IReadOnlyDictionary<(string Namespace, string Name), IReadOnlyList<PolicyRule>> _roleRules;

    /// <summary>Builds the authorizer from RBAC objects of any of the four kinds, in any order.</summary>
    /// <exception cref="RbacPolicyException">an object is of another kind or cannot be read; the message names it and the field.</exception>
    public RbacAuthorizer(IEnumerable<JsonObject> rbacObjects)
    {
        var roles = new List<RbacRole>();
        var clusterRoles = new List<RbacRole>();
        var bindings = new List<RbacBinding>();
        var index = 0;
        foreach (var obj in rbacObjects)
        {
            switch (RbacObjectReader.KindOf(obj, index))
            {
                case RbacObjectReader.RoleKind:
                    roles.Add(RbacObjectReader.ReadRole(obj));
                    break;
                case RbacObjectReader.ClusterRoleKind:
                    clusterRoles.Add(RbacObjectReader.ReadRole(obj));
                    break;
                case RbacObjectReader.RoleBindingKind or RbacObjectReader.ClusterRoleBindingKind:
                    bindings.Add(RbacObjectReader.ReadBinding(obj));
                    break;
                case var other:
                    throw new RbacPolicyException($"objects[{index}]: kind: Unsupported value: \"{other}\": supported values: \"Role\", \"ClusterRole\", \"RoleBinding\", \"ClusterRoleBinding\"");
            }
            index++;
        }

        _clusterRoleRules = ClusterRoleAggregation.EffectiveRules(clusterRoles);
        _roleRules = roles.GroupBy(r => (r.Namespace, r.Name)).ToDictionary(g => g.Key, g => g.Last().Rules);
        // Bindings are visited in name order so the binding named in a decision does not depend on input order.
        var ordered = bindings.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        _clusterRoleBindings = ordered.Where(b => b.Kind == RbacObjectReader.ClusterRoleBindingKind).ToList();
        _roleBindingsByNamespace = ordered.Where(b => b.Kind == RbacObjectReader.RoleBindingKind)
            .GroupBy(b => b.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    /// <summary>Decides whether <paramref name="user"/> may make <paramref name="request"/>.</summary>
    public AuthorizationDecision Authorize(UserInfo user, RequestAttributes request)
    {
        if (user.IsInGroup(UserInfo.MastersGroup))
        {
            // The apiserver's privileged-group authorizer allows without giving a reason.
            return new AuthorizationDecision(true, "");
        }

        var errors = new List<string>();
        foreach (var grant in Grants(user, request.IsResourceRequest ? request.Namespace : null, errors))
        {
            if (grant.Rule.Allows(request))
            {
                return new AuthorizationDecision(true, "RBAC: allowed by " + grant.Source);
            }
        }
        var reason = errors.Count == 0 ? null : "RBAC: " + Aggregate(errors);
        return new AuthorizationDecision(false, Forbidden(user, request, reason)) { EvaluationErrors = errors };
    }

    /// <summary>The resource rules that apply to <paramref name="user"/> in <paramref name="ns"/> (cluster-wide ones included).</summary>
    public IReadOnlyList<ResourceRule> RulesFor(UserInfo user, string? ns) => RulesReview(user, ns).ResourceRules;

    /// <summary>Everything a SelfSubjectRulesReview reports for <paramref name="user"/> in <paramref name="ns"/>.</summary>
    public SubjectRulesReview RulesReview(UserInfo user, string? ns)
    {
        var errors = new List<string>();
        var rules = new List<PolicyRule>();
        if (user.IsInGroup(UserInfo.MastersGroup))
        {
            // What the bootstrap cluster-admin binding of system:masters shows in a real cluster.
            rules.Add(EverythingRule);
            rules.Add(EveryPathRule);
        }
        rules.AddRange(Grants(user, ns, errors).Select(g => g.Rule));

        var resourceRules = rules.Where(r => r.Resources.Count > 0)
            .Select(r => new ResourceRule(r.Verbs, r.ApiGroups, r.Resources, r.ResourceNames)).ToList();
        var nonResourceRules = rules.Where(r => r.NonResourceUrls.Count > 0)
            .Select(r => new NonResourceRule(r.Verbs, r.NonResourceUrls)).ToList();
        return new SubjectRulesReview(resourceRules, nonResourceRules, errors);
    }

    /// <summary>
    /// The rules a binding's roleRef names: a ClusterRole's after aggregation, or a Role's in
    /// <paramref name="bindingNamespace"/>; null if there is no such role.
    /// </summary>
    public IReadOnlyList<PolicyRule>? RoleRefRules(string kind, string name, string bindingNamespace) =>
        RoleRules(new RbacRoleRef(kind, name), bindingNamespace);

    /// <summary>The rules a ClusterRole grants after aggregation, or null if there is no such ClusterRole.</summary>
    public IReadOnlyList<PolicyRule>? ClusterRoleRules(string name) => _clusterRoleRules.GetValueOrDefault(name);

    /// <summary>
    /// The message of the 403 Forbidden status the apiserver returns when <paramref name="user"/> may not make
    /// <paramref name="request"/>, e.g. <c>pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "payments"</c>.
    /// </summary>
    /// <param name="reason">an authorizer's explanation, appended after a colon when present.</param>
    public static string Forbidden(UserInfo user, RequestAttributes request, string? reason = null)
    {
        var detail = Sanitize(ForbiddenDetail(user, request));
        if (!string.IsNullOrEmpty(reason))
        {
            detail += ": " + reason;
        }
        if (!request.IsResourceRequest || string.IsNullOrEmpty(request.Resource))
        {
            return "forbidden: " + detail;
        }
        var resource = string.IsNullOrEmpty(request.ApiGroup) ? request.Resource : request.Resource + "." + request.ApiGroup;
        return string.IsNullOrEmpty(request.Name)
            ? $"{resource} is forbidden: {detail}"
            : $"{resource} {Quote(request.Name)} is forbidden: {detail}";
    }

    private static string ForbiddenDetail(UserInfo user, RequestAttributes request)
    {
        if (!request.IsResourceRequest)
        {
            return $"User {Quote(user.Name)} cannot {request.Verb} path {Quote(request.Path ?? "")}";
        }
        var resource = string.IsNullOrEmpty(request.Subresource) ? request.Resource ?? "" : request.Resource + "/" + request.Subresource;
        var scope = string.IsNullOrEmpty(request.Namespace) ? "at the cluster scope" : $"in the namespace {Quote(request.Namespace)}";
        return $"User {Quote(user.Name)} cannot {request.Verb} resource {Quote(resource)} in API group {Quote(request.ApiGroup ?? "")} {scope}";
    }

    /// <summary>
    /// Every rule granted to the user, with the binding that grants it: ClusterRoleBindings first, then the
    /// RoleBindings of <paramref name="ns"/>. Bindings whose role is missing add an error instead.
    /// </summary>
    private IEnumerable<(PolicyRule Rule, string Source)> Grants(UserInfo user, string? ns, List<string> errors)
    {
        foreach (var binding in _clusterRoleBindings)
        {
            foreach (var grant in GrantsOf(binding, user, bindingNamespace: "", errors))
            {
                yield return grant;
            }
        }
        if (string.IsNullOrEmpty(ns) || !_roleBindingsByNamespace.TryGetValue(ns, out var roleBindings))
        {
            yield break;
        }
        foreach (var binding in roleBindings)
        {
            foreach (var grant in GrantsOf(binding, user, ns, errors))
            {
                yield return grant;
            }
        }
    }

    private IEnumerable<(PolicyRule Rule, string Source)> GrantsOf(RbacBinding binding, UserInfo user, string bindingNamespace, List<string> errors)
    {
        var subject = binding.Subjects.FirstOrDefault(s => AppliesTo(s, user, bindingNamespace));
        if (subject is null)
        {
            return [];
        }
        var rules = RoleRules(binding.RoleRef, bindingNamespace);
        if (rules is null)
        {
            errors.Add(binding.RoleRef.Kind == RbacObjectReader.ClusterRoleKind
                ? $"clusterrole.rbac.authorization.k8s.io {Quote(binding.RoleRef.Name)} not found"
                : $"role.rbac.authorization.k8s.io {Quote(binding.RoleRef.Name)} not found");
            return [];
        }
        var source = Describe(binding, subject);
        return rules.Select(rule => (rule, source));
    }

    private IReadOnlyList<PolicyRule>? RoleRules(RbacRoleRef roleRef, string bindingNamespace) =>
        roleRef.Kind == RbacObjectReader.ClusterRoleKind
            ? _clusterRoleRules.GetValueOrDefault(roleRef.Name)
            : _roleRules.GetValueOrDefault((bindingNamespace, roleRef.Name));

    private static bool AppliesTo(RbacSubject subject, UserInfo user, string bindingNamespace)
    {
        switch (subject.Kind)
        {
            case "User":
                return subject.Name == user.Name;
            case "Group":
                return user.IsInGroup(subject.Name);
            case "ServiceAccount":
                // A RoleBinding's service account defaults to the binding's namespace.
                var ns = subject.Namespace.Length > 0 ? subject.Namespace : bindingNamespace;
                return ns.Length > 0 && user.Name == ServiceAccountUser.UserName(ns, subject.Name);
            default:
                return false;
        }
    }

    private static string Describe(RbacBinding binding, RbacSubject subject)
    {
        var who = subject.Kind == "ServiceAccount"
            ? $"{subject.Kind} {Quote(subject.Name + "/" + (subject.Namespace.Length > 0 ? subject.Namespace : binding.Namespace))}"
            : $"{subject.Kind} {Quote(subject.Name)}";
        var bindingName = binding.Kind == RbacObjectReader.RoleBindingKind ? binding.Name + "/" + binding.Namespace : binding.Name;
        return $"{binding.Kind} {Quote(bindingName)} of {binding.RoleRef.Kind} {Quote(binding.RoleRef.Name)} to {who}";
    }

    private static string Aggregate(List<string> errors) =>
        errors.Count == 1 ? errors[0] : "[" + string.Join(", ", errors) + "]";

    private static string Quote(string value) => Validation.GoQuote.Quote(value);

    /// <summary>The apiserver HTML-escapes the forbidden detail, since it may echo user input.</summary>
    private static string Sanitize(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
