using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Selectors;

namespace Kubemate.ApiMachinery.Rbac;

/// <summary>Reads Roles, ClusterRoles, RoleBindings and ClusterRoleBindings from their JSON.</summary>
internal static class RbacObjectReader
{
    public const string RoleKind = "Role";
    public const string ClusterRoleKind = "ClusterRole";
    public const string RoleBindingKind = "RoleBinding";
    public const string ClusterRoleBindingKind = "ClusterRoleBinding";

    public static RbacRole ReadRole(JsonObject obj)
    {
        var (kind, name, ns, describe) = Identity(obj);
        var rules = new List<PolicyRule>();
        if (Optional<JsonArray>(obj, "rules", describe, "rules") is { } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                rules.Add(ReadRule(list[i], $"rules[{i}]", describe));
            }
        }

        IReadOnlyList<LabelSelector>? selectors = null;
        if (kind == ClusterRoleKind && Optional<JsonObject>(obj, "aggregationRule", describe, "aggregationRule") is { } aggregation)
        {
            var selectorList = Optional<JsonArray>(aggregation, "clusterRoleSelectors", describe, "aggregationRule.clusterRoleSelectors") ?? [];
            selectors = selectorList.Select((selector, i) => ReadSelector(selector, $"aggregationRule.clusterRoleSelectors[{i}]", describe)).ToList();
        }

        return new RbacRole(kind, name, ns, rules, LabelSelector.LabelsOf(obj), selectors);
    }

    public static RbacBinding ReadBinding(JsonObject obj)
    {
        var (kind, name, ns, describe) = Identity(obj);
        var roleRef = Optional<JsonObject>(obj, "roleRef", describe, "roleRef")
            ?? throw new RbacPolicyException($"{describe}: roleRef: Required value");
        var refKind = RequiredString(roleRef, "kind", describe, "roleRef.kind");
        if (refKind is not (RoleKind or ClusterRoleKind) || (kind == ClusterRoleBindingKind && refKind != ClusterRoleKind))
        {
            throw new RbacPolicyException($"{describe}: roleRef.kind: Unsupported value: \"{refKind}\"");
        }
        var refName = RequiredString(roleRef, "name", describe, "roleRef.name");

        var subjects = new List<RbacSubject>();
        if (Optional<JsonArray>(obj, "subjects", describe, "subjects") is { } list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                var path = $"subjects[{i}]";
                var subject = list[i] as JsonObject ?? throw new RbacPolicyException($"{describe}: {path}: must be an object");
                subjects.Add(new RbacSubject(
                    RequiredString(subject, "kind", describe, path + ".kind"),
                    RequiredString(subject, "name", describe, path + ".name"),
                    OptionalString(subject, "namespace", describe, path + ".namespace") ?? ""));
            }
        }
        return new RbacBinding(kind, name, ns, new RbacRoleRef(refKind, refName), subjects);
    }

    public static PolicyRule ReadRule(JsonNode? node, string path, string describe)
    {
        var rule = node as JsonObject ?? throw new RbacPolicyException($"{describe}: {path}: must be an object");
        return new PolicyRule(
            Strings(rule, "verbs", describe, path),
            Strings(rule, "apiGroups", describe, path),
            Strings(rule, "resources", describe, path),
            Strings(rule, "resourceNames", describe, path),
            Strings(rule, "nonResourceURLs", describe, path));
    }

    public static string KindOf(JsonObject obj, int index) =>
        obj["kind"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new RbacPolicyException($"objects[{index}]: kind: Required value: every RBAC object needs a kind");

    private static LabelSelector ReadSelector(JsonNode? node, string path, string describe)
    {
        try
        {
            return LabelSelector.FromJson(node, path);
        }
        catch (SelectorFormatException ex)
        {
            throw new RbacPolicyException($"{describe}: {ex.Message}");
        }
    }

    private static (string Kind, string Name, string Namespace, string Describe) Identity(JsonObject obj)
    {
        var kind = obj["kind"]?.GetValue<string>() ?? "";
        var metadata = obj["metadata"] as JsonObject ?? throw new RbacPolicyException($"{kind}: metadata: Required value");
        var name = OptionalString(metadata, "name", kind, "metadata.name") ?? "";
        var ns = OptionalString(metadata, "namespace", kind, "metadata.namespace") ?? "";
        var describe = ns.Length == 0 ? $"{kind} \"{name}\"" : $"{kind} \"{ns}/{name}\"";
        if (name.Length == 0)
        {
            throw new RbacPolicyException($"{describe}: metadata.name: Required value");
        }
        if (kind is RoleKind or RoleBindingKind && ns.Length == 0)
        {
            throw new RbacPolicyException($"{describe}: metadata.namespace: Required value");
        }
        return (kind, name, kind is RoleKind or RoleBindingKind ? ns : "", describe);
    }

    private static T? Optional<T>(JsonObject obj, string key, string describe, string path) where T : JsonNode =>
        obj[key] switch
        {
            null => null,
            T typed => typed,
            _ => throw new RbacPolicyException($"{describe}: {path}: must be {(typeof(T) == typeof(JsonArray) ? "a list" : "an object")}"),
        };

    private static string? OptionalString(JsonObject obj, string key, string describe, string path) =>
        obj[key] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw new RbacPolicyException($"{describe}: {path}: must be a string"),
        };

    private static string RequiredString(JsonObject obj, string key, string describe, string path)
    {
        var value = OptionalString(obj, key, describe, path);
        return string.IsNullOrEmpty(value) ? throw new RbacPolicyException($"{describe}: {path}: Required value") : value;
    }

    private static List<string> Strings(JsonObject rule, string key, string describe, string rulePath)
    {
        var list = Optional<JsonArray>(rule, key, describe, $"{rulePath}.{key}");
        if (list is null)
        {
            return [];
        }
        return list.Select((item, i) => item is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw new RbacPolicyException($"{describe}: {rulePath}.{key}[{i}]: must be a string")).ToList();
    }
}
