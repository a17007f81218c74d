using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>
/// What requests a route takes: any of <see cref="Hosts"/> and any of <see cref="Paths"/>;
/// or, when the rule is not such a combination, the edge's own rule text kept verbatim as an expert rule.
/// </summary>
public sealed record RouteMatch : IValidatable
{
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public IReadOnlyList<PathMatch> Paths { get; init; } = [];

    /// <summary>A rule Kubemate does not break down (regular expressions, headers, negations …), rendered exactly as written.</summary>
    public string? ExpertRule { get; init; }

    public bool IsExpert => ExpertRule is not null;

    public static RouteMatch Expert(string rule) => new() { ExpertRule = rule };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        if (ExpertRule is not null)
        {
            if (Hosts.Count > 0 || Paths.Count > 0)
            {
                problems.Add(new(path, "an expert rule cannot be combined with hosts or paths"));
            }
            if (string.IsNullOrWhiteSpace(ExpertRule))
            {
                problems.Add(new(FieldPath.Child(path, "expertRule"), "must not be empty"));
            }
            return problems;
        }
        if (Hosts.Count == 0 && Paths.Count == 0)
        {
            problems.Add(new(path, "give at least one host or path (or an expert rule)"));
        }
        var hostsPath = FieldPath.Child(path, "hosts");
        for (var i = 0; i < Hosts.Count; i++)
        {
            problems.AddRange(EdgeChecks.HostName(FieldPath.Index(hostsPath, i), Hosts[i]));
        }
        problems.AddRange(EdgeChecks.Unique(hostsPath, Hosts, h => $"host \"{h}\"", StringComparer.OrdinalIgnoreCase));
        var pathsPath = FieldPath.Child(path, "paths");
        for (var i = 0; i < Paths.Count; i++)
        {
            var value = Paths[i].Value;
            if (string.IsNullOrEmpty(value) || value[0] != '/')
            {
                problems.Add(new(FieldPath.Child(FieldPath.Index(pathsPath, i), "value"), $"\"{value}\" must start with '/'"));
            }
            else if (value.Contains('`', StringComparison.Ordinal) || value.Any(char.IsWhiteSpace))
            {
                problems.Add(new(FieldPath.Child(FieldPath.Index(pathsPath, i), "value"), $"\"{value}\" must not contain backticks or white space"));
            }
        }
        problems.AddRange(EdgeChecks.Unique(pathsPath, Paths, p => $"path \"{p.Value}\""));
        return problems;
    }

    /// <summary>Identifies routes that take the same requests (host case ignored, order ignored).</summary>
    public string Signature() => IsExpert
        ? "expert:" + ExpertRule
        : string.Join(",", Hosts.Select(h => h.ToLowerInvariant()).Order(StringComparer.Ordinal)) + "|" + string.Join(",", Paths.Select(p => p.ToString()).Order(StringComparer.Ordinal));
}
