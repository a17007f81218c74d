using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>
/// The settings of the edge set in a model file: the namespace of objects that name none, and objects the set's
/// references may name although they are not in it, because they exist in the cluster (written
/// <c>namespace/name</c>). Without them a reference that does not resolve inside the set is an error.
/// </summary>
public sealed record EdgeSettings : IValidatable
{
    public string DefaultNamespace { get; init; } = "default";

    public IReadOnlyList<string> ExistingSecrets { get; init; } = [];

    public IReadOnlyList<string> ExistingMiddlewares { get; init; } = [];

    public IReadOnlyList<string> ExistingTlsPolicies { get; init; } = [];

    /// <summary>Edge services (TraefikService) routes and weighted services may name.</summary>
    public IReadOnlyList<string> ExistingServices { get; init; } = [];

    public bool IsEmpty => DefaultNamespace == "default" && ExistingSecrets.Count + ExistingMiddlewares.Count + ExistingTlsPolicies.Count + ExistingServices.Count == 0;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = EdgeChecks.LabelName(FieldPath.Child(path, "defaultNamespace"), DefaultNamespace).ToList();
        foreach (var (list, name) in Lists())
        {
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = FieldPath.Index(FieldPath.Child(path, name), i);
                if (!TryParse(list[i], out var reference))
                {
                    problems.Add(new(itemPath, $"'{list[i]}' is not namespace/name"));
                    continue;
                }
                problems.AddRange(EdgeChecks.LabelName(itemPath, reference.Namespace));
                problems.AddRange(EdgeChecks.ObjectName(itemPath, reference.Name));
            }
        }
        return problems;
    }

    /// <summary>The entries of a list that are well formed.</summary>
    public static IEnumerable<NamespacedName> Parse(IEnumerable<string> entries) =>
        entries.Select(e => TryParse(e, out var reference) ? reference : (NamespacedName?)null).OfType<NamespacedName>();

    public static string Format(NamespacedName reference) => $"{reference.Namespace}/{reference.Name}";

    public EdgeSettings Merge(EdgeSettings other) => new()
    {
        DefaultNamespace = other.DefaultNamespace == "default" ? DefaultNamespace : other.DefaultNamespace,
        ExistingSecrets = [.. ExistingSecrets.Union(other.ExistingSecrets)],
        ExistingMiddlewares = [.. ExistingMiddlewares.Union(other.ExistingMiddlewares)],
        ExistingTlsPolicies = [.. ExistingTlsPolicies.Union(other.ExistingTlsPolicies)],
        ExistingServices = [.. ExistingServices.Union(other.ExistingServices)],
    };

    private static bool TryParse(string entry, out NamespacedName reference)
    {
        var parts = entry.Split('/');
        reference = parts.Length == 2 ? new NamespacedName(parts[0], parts[1]) : default;
        return parts.Length == 2 && parts[0].Length > 0 && parts[1].Length > 0;
    }

    private IEnumerable<(IReadOnlyList<string> List, string Name)> Lists() =>
    [
        (ExistingSecrets, "existingSecrets"),
        (ExistingMiddlewares, "existingMiddlewares"),
        (ExistingTlsPolicies, "existingTlsPolicies"),
        (ExistingServices, "existingServices"),
    ];
}
