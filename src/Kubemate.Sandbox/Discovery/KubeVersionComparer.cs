using System.Text.RegularExpressions;

namespace Kubemate.Sandbox.Discovery;

/// <summary>Orders API versions as Kubernetes does: GA before beta before alpha, higher numbers first, others last by name.</summary>
public sealed partial class KubeVersionComparer : IComparer<string>
{
    public static readonly KubeVersionComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        var (xs, ys) = (Rank(x ?? ""), Rank(y ?? ""));
        var byRank = ys.CompareTo(xs);
        return byRank != 0 ? byRank : string.CompareOrdinal(x, y);
    }

    private static (int Stability, int Major, int Minor) Rank(string version)
    {
        var match = VersionPattern().Match(version);
        if (!match.Success)
        {
            return (0, 0, 0);
        }
        var major = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var minor = match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var stability = match.Groups[2].Value switch
        {
            "" => 3,
            "beta" => 2,
            _ => 1,
        };
        return (stability, major, minor);
    }

    [GeneratedRegex("^v([0-9]+)(?:(alpha|beta)([0-9]+))?$")]
    private static partial Regex VersionPattern();
}
