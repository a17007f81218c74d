using System.Text.RegularExpressions;
using Kubemate.Model.Edge.Ingress;

namespace Kubemate.Renderers.Traefik;

/// <summary>
/// Builds route rules from hosts and paths (<c>Host(`a`) &amp;&amp; PathPrefix(`/x`)</c>) and parses them back. A rule is
/// broken down only when building it again gives the very same text; any other rule stays an expert rule, verbatim.
/// </summary>
public static partial class TraefikRule
{
    private const string And = " && ";
    private const string Or = " || ";

    public static string Build(RouteMatch match)
    {
        if (match.ExpertRule is { } expert)
        {
            return expert;
        }
        var groups = new List<string>();
        if (match.Hosts.Count > 0)
        {
            groups.Add(Group(match.Hosts.Select(h => Matcher("Host", h)).ToList()));
        }
        if (match.Paths.Count > 0)
        {
            groups.Add(Group(match.Paths.Select(p => Matcher(p.Type == PathMatchType.Prefix ? "PathPrefix" : "Path", p.Value)).ToList()));
        }
        return string.Join(And, groups);
    }

    public static RouteMatch Parse(string rule)
    {
        var parsed = TryBreakDown(rule);
        return parsed is not null && Build(parsed) == rule ? parsed : RouteMatch.Expert(rule);
    }

    private static RouteMatch? TryBreakDown(string rule)
    {
        var hosts = new List<string>();
        var paths = new List<PathMatch>();
        var groups = rule.Split(And);
        if (groups.Length > 2)
        {
            return null;
        }
        foreach (var group in groups)
        {
            var inner = group.StartsWith('(') && group.EndsWith(')') ? group[1..^1] : group;
            var matchers = inner.Split(Or).Select(m => MatcherPattern().Match(m)).ToList();
            if (matchers.Any(m => !m.Success))
            {
                return null;
            }
            var names = matchers.Select(m => m.Groups["name"].Value).ToList();
            if (names.All(n => n == "Host") && hosts.Count == 0 && paths.Count == 0)
            {
                hosts.AddRange(matchers.Select(m => m.Groups["value"].Value));
            }
            else if (names.All(n => n != "Host") && paths.Count == 0)
            {
                paths.AddRange(matchers.Select(m => new PathMatch(m.Groups["name"].Value == "PathPrefix" ? PathMatchType.Prefix : PathMatchType.Exact, m.Groups["value"].Value)));
            }
            else
            {
                return null;
            }
        }
        return new RouteMatch { Hosts = hosts, Paths = paths };
    }

    private static string Matcher(string name, string value) => $"{name}(`{value}`)";

    private static string Group(IReadOnlyList<string> matchers) => matchers.Count == 1 ? matchers[0] : "(" + string.Join(Or, matchers) + ")";

    [GeneratedRegex("^(?<name>Host|PathPrefix|Path)\\(`(?<value>[^`]*)`\\)$")]
    private static partial Regex MatcherPattern();
}
