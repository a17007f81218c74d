using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;

namespace Kubemate.ApiMachinery.Validation;

/// <summary>
/// Validates Roles, ClusterRoles, RoleBindings and ClusterRoleBindings on create as the apiserver does: metadata
/// with path-segment names, then rules, role references and subjects. <c>apiGroup</c> of User and Group subjects
/// is taken as defaulted to <c>rbac.authorization.k8s.io</c> when empty, as the apiserver defaults it before validating.
/// </summary>
public static class RbacObjectValidator
{
    public const string RbacGroup = "rbac.authorization.k8s.io";

    /// <summary>Validates an RBAC object of any of the four kinds, chosen by its <c>kind</c>.</summary>
    /// <exception cref="ArgumentException">the object is not one of the four RBAC kinds.</exception>
    public static IReadOnlyList<FieldViolation> Validate(JsonObject obj)
    {
        var kind = obj["kind"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : "";
        var violations = new List<FieldViolation>();
        switch (kind)
        {
            case "Role" or "ClusterRole":
                var namespaced = kind == "Role";
                violations.AddRange(ObjectMetaValidator.Validate(obj, namespaced, NameRule.PathSegment));
                ValidateRules(obj, namespaced, violations);
                if (!namespaced)
                {
                    ValidateAggregationRule(obj, violations);
                }
                break;
            case "RoleBinding" or "ClusterRoleBinding":
                var isRoleBinding = kind == "RoleBinding";
                violations.AddRange(ObjectMetaValidator.Validate(obj, isRoleBinding, NameRule.PathSegment));
                ValidateRoleRef(obj, isRoleBinding, violations);
                ValidateSubjects(obj, isRoleBinding, violations);
                break;
            default:
                throw new ArgumentException($"kind \"{kind}\" is not an RBAC kind", nameof(obj));
        }
        return violations;
    }

    /// <summary>A binding's <c>roleRef</c> may never change after creation.</summary>
    public static IReadOnlyList<FieldViolation> ValidateBindingUpdate(JsonObject updated, JsonObject existing) =>
        JsonNode.DeepEquals(updated["roleRef"], existing["roleRef"])
            ? []
            : [FieldViolation.Invalid("roleRef", updated["roleRef"], "cannot change roleRef")];

    private static void ValidateRules(JsonObject obj, bool namespaced, List<FieldViolation> violations)
    {
        var reader = new JsonFieldReader(violations);
        var rules = reader.Array(obj, "rules", "rules");
        if (rules is null)
        {
            return;
        }
        for (var i = 0; i < rules.Count; i++)
        {
            var path = $"rules[{i}]";
            if (rules[i] is not JsonObject rule)
            {
                violations.Add(FieldViolation.Invalid(path, rules[i], "must be an object"));
                continue;
            }
            var verbs = reader.StringList(rule, "verbs", path + ".verbs");
            var apiGroups = reader.StringList(rule, "apiGroups", path + ".apiGroups");
            var resources = reader.StringList(rule, "resources", path + ".resources");
            var resourceNames = reader.StringList(rule, "resourceNames", path + ".resourceNames");
            var urls = reader.StringList(rule, "nonResourceURLs", path + ".nonResourceURLs");
            if (verbs.Count == 0)
            {
                violations.Add(FieldViolation.Required(path + ".verbs", "verbs must contain at least one value"));
            }
            if (urls.Count > 0)
            {
                if (namespaced)
                {
                    violations.Add(FieldViolation.Invalid(path + ".nonResourceURLs", rule["nonResourceURLs"], "namespaced rules cannot apply to non-resource URLs"));
                }
                if (apiGroups.Count > 0 || resources.Count > 0 || resourceNames.Count > 0)
                {
                    violations.Add(FieldViolation.Invalid(path + ".nonResourceURLs", rule["nonResourceURLs"], "rules cannot apply to both regular resources and non-resource URLs"));
                }
                continue;
            }
            if (apiGroups.Count == 0)
            {
                violations.Add(FieldViolation.Required(path + ".apiGroups", "resource rules must supply at least one api group"));
            }
            if (resources.Count == 0)
            {
                violations.Add(FieldViolation.Required(path + ".resources", "resource rules must supply at least one resource"));
            }
            if (resourceNames.Count > 0 && resources.Count > 1)
            {
                violations.Add(FieldViolation.Required(path + ".resourceNames", "resource names cannot apply to multiple resources"));
            }
        }
    }

    private static void ValidateAggregationRule(JsonObject obj, List<FieldViolation> violations)
    {
        var reader = new JsonFieldReader(violations);
        var aggregation = reader.Object(obj, "aggregationRule", "aggregationRule");
        if (aggregation is null)
        {
            return;
        }
        var selectors = reader.Array(aggregation, "clusterRoleSelectors", "aggregationRule.clusterRoleSelectors");
        if (selectors is null || selectors.Count == 0)
        {
            violations.Add(FieldViolation.Required("aggregationRule.clusterRoleSelectors", "at least one clusterRoleSelector required if aggregationRule is non-nil"));
            return;
        }
        for (var i = 0; i < selectors.Count; i++)
        {
            violations.AddRange(LabelSelector.Validate(selectors[i], $"aggregationRule.clusterRoleSelectors[{i}]"));
        }
    }

    private static void ValidateRoleRef(JsonObject obj, bool isRoleBinding, List<FieldViolation> violations)
    {
        var reader = new JsonFieldReader(violations);
        var roleRef = reader.Object(obj, "roleRef", "roleRef") ?? [];
        var apiGroup = reader.String(roleRef, "apiGroup", "roleRef.apiGroup") ?? "";
        if (apiGroup != RbacGroup)
        {
            violations.Add(FieldViolation.NotSupported("roleRef.apiGroup", apiGroup, [RbacGroup]));
        }
        var kind = reader.String(roleRef, "kind", "roleRef.kind") ?? "";
        string[] kinds = isRoleBinding ? ["Role", "ClusterRole"] : ["ClusterRole"];
        if (!kinds.Contains(kind))
        {
            violations.Add(FieldViolation.NotSupported("roleRef.kind", kind, kinds));
        }
        var name = reader.String(roleRef, "name", "roleRef.name") ?? "";
        if (name.Length == 0)
        {
            violations.Add(FieldViolation.Required("roleRef.name"));
        }
        foreach (var message in NameFormats.IsPathSegmentName(name))
        {
            violations.Add(FieldViolation.Invalid("roleRef.name", name, message));
        }
    }

    private static void ValidateSubjects(JsonObject obj, bool isRoleBinding, List<FieldViolation> violations)
    {
        var reader = new JsonFieldReader(violations);
        var subjects = reader.Array(obj, "subjects", "subjects");
        if (subjects is null)
        {
            return;
        }
        for (var i = 0; i < subjects.Count; i++)
        {
            var path = $"subjects[{i}]";
            if (subjects[i] is not JsonObject subject)
            {
                violations.Add(FieldViolation.Invalid(path, subjects[i], "must be an object"));
                continue;
            }
            var name = reader.String(subject, "name", path + ".name") ?? "";
            var kind = reader.String(subject, "kind", path + ".kind") ?? "";
            var apiGroup = reader.String(subject, "apiGroup", path + ".apiGroup") ?? "";
            var ns = reader.String(subject, "namespace", path + ".namespace") ?? "";
            if (name.Length == 0)
            {
                violations.Add(FieldViolation.Required(path + ".name"));
            }
            switch (kind)
            {
                case "ServiceAccount":
                    if (name.Length > 0)
                    {
                        foreach (var message in NameFormats.IsDns1123Subdomain(name))
                        {
                            violations.Add(FieldViolation.Invalid(path + ".name", name, message));
                        }
                    }
                    if (apiGroup.Length > 0)
                    {
                        violations.Add(FieldViolation.NotSupported(path + ".apiGroup", apiGroup, [""]));
                    }
                    if (!isRoleBinding && ns.Length == 0)
                    {
                        violations.Add(FieldViolation.Required(path + ".namespace"));
                    }
                    break;
                case "User" or "Group":
                    if (apiGroup.Length > 0 && apiGroup != RbacGroup)
                    {
                        violations.Add(FieldViolation.NotSupported(path + ".apiGroup", apiGroup, [RbacGroup]));
                    }
                    break;
                default:
                    violations.Add(FieldViolation.NotSupported(path + ".kind", kind, ["ServiceAccount", "User", "Group"]));
                    break;
            }
        }
    }
}
