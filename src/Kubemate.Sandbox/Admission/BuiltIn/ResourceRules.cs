using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// A container's <c>resources</c> (ValidateResourceRequirements): names a container may request, quantities not
/// negative, each request at most its limit, and extended resources (<c>example.com/gpu</c>) whole, limited and
/// requested exactly as limited. Quantities that do not parse never get here: decoding refuses them (400). Values are
/// rounded up to milli units first, as the apiserver's defaulting does, and printed in canonical form.
/// </summary>
internal static class ResourceRules
{
    private const int MilliScale = -3;
    private static readonly string[] ContainerResources = ["cpu", "memory", "ephemeral-storage"];

    /// <summary>Resource names the apiserver knows without a domain (quota and container ones).</summary>
    private static readonly string[] StandardResources =
    [
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu",
        "limits.memory", "limits.ephemeral-storage", "pods", "quota", "services", "replicationcontrollers", "resourcequotas",
        "secrets", "persistentvolumeclaims", "requests.storage", "configmaps", "services.nodeports", "services.loadbalancers",
    ];

    public static void Validate(JsonNode? resources, string path, List<FieldViolation> errors)
    {
        var limits = Quantities(resources?["limits"]);
        var requests = Quantities(resources?["requests"]);
        foreach (var (name, quantity) in limits)
        {
            Entry(name, quantity, $"{path}.limits[{name}]", errors);
        }
        foreach (var (name, quantity) in requests)
        {
            Entry(name, quantity, $"{path}.requests[{name}]", errors);
            var overcommit = IsNative(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal);
            if (limits.FirstOrDefault(limit => limit.Name == name) is { Name: not null } limit)
            {
                if (!overcommit && quantity.CompareTo(limit.Quantity) != 0)
                {
                    errors.Add(FieldViolation.Invalid(path + ".requests", quantity.ToString(), $"must be equal to {name} limit of {limit.Quantity}"));
                }
                else if (quantity.CompareTo(limit.Quantity) > 0)
                {
                    errors.Add(FieldViolation.Invalid(path + ".requests", quantity.ToString(), $"must be less than or equal to {name} limit of {limit.Quantity}"));
                }
            }
            else if (!overcommit)
            {
                errors.Add(FieldViolation.Required(path + ".limits", "Limit must be set for non overcommitable resources"));
            }
        }
    }

    private static void Entry(string name, ResourceQuantity quantity, string path, List<FieldViolation> errors)
    {
        ResourceName(name, path, errors);
        if (quantity.Sign < 0)
        {
            errors.Add(FieldViolation.Invalid(path, quantity.ToString(), "must be greater than or equal to 0"));
        }
        if (!IsNative(name) && !quantity.IsInteger)
        {
            errors.Add(Unquoted(path, quantity.ToString(), "must be an integer"));
        }
    }

    /// <summary>validateContainerResourceName: a qualified name, standard when it has no domain, extended when it has one.</summary>
    private static void ResourceName(string name, string path, List<FieldViolation> errors)
    {
        var qualified = NameFormats.IsQualifiedName(name);
        errors.AddRange(qualified.Select(message => Unquoted(path, name, message)));
        var unqualified = !name.Contains('/', StringComparison.Ordinal);
        if (qualified.Count == 0 && unqualified && !StandardResources.Contains(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal))
        {
            errors.Add(Unquoted(path, name, "must be a standard resource type or fully qualified"));
        }
        if (unqualified && !ContainerResources.Contains(name) && !name.StartsWith("hugepages-", StringComparison.Ordinal))
        {
            errors.Add(Unquoted(path, name, "must be a standard resource for containers"));
        }
        else if (!unqualified && !IsNative(name) && (name.StartsWith("requests.", StringComparison.Ordinal) || NameFormats.IsQualifiedName("requests." + name).Count > 0))
        {
            errors.Add(Unquoted(path, name, "doesn't follow extended resource name standard"));
        }
    }

    private static bool IsNative(string name) => !name.Contains('/', StringComparison.Ordinal) || name.Contains("kubernetes.io/", StringComparison.Ordinal);

    /// <summary>A resource name or quantity is printed through its String method, so without quotes.</summary>
    private static FieldViolation Unquoted(string path, string value, string detail) =>
        new(path, ViolationType.Invalid, detail) { Value = value };

    /// <summary>The entries of a ResourceList in document order; decoding has already refused any that does not parse.</summary>
    private static List<(string Name, ResourceQuantity Quantity)> Quantities(JsonNode? list)
    {
        var entries = new List<(string, ResourceQuantity)>();
        foreach (var (name, value) in list as JsonObject ?? [])
        {
            if (value is not JsonValue scalar)
            {
                continue;
            }
            var text = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
            if (ResourceQuantity.TryParse(text, out var quantity, out _))
            {
                entries.Add((name, quantity.RoundUp(MilliScale)));
            }
        }
        return entries;
    }
}
