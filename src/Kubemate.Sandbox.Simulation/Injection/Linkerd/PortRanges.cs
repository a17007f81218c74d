using System.Globalization;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>Comma-separated port lists (<c>3000,5000-6000,mysql</c>) as Linkerd's annotations write them.</summary>
internal static class PortRanges
{
    /// <summary>
    /// Resolves an opaque-ports annotation: named container ports become their numbers, ranges stay ranges, and
    /// entries that are neither are dropped with a warning (as the proxy-injector does).
    /// </summary>
    public static string ResolveOpaquePorts(string value, IReadOnlyDictionary<string, int> namedPorts, string fieldPath, ICollection<string> warnings)
    {
        var resolved = new List<string>();
        foreach (var entry in Split(value))
        {
            if (namedPorts.TryGetValue(entry, out var port))
            {
                resolved.Add(port.ToString(CultureInfo.InvariantCulture));
            }
            else if (TryParseRange(entry, out var lower, out var upper))
            {
                resolved.Add(lower == upper ? lower.ToString(CultureInfo.InvariantCulture) : $"{lower}-{upper}");
            }
            else
            {
                warnings.Add($"{fieldPath}: \"{entry}\" is neither a port, a port range nor the name of a container port; ignored");
            }
        }
        return string.Join(",", resolved);
    }

    public static IEnumerable<string> Split(string value) =>
        value.TrimEnd(',').Split(',').Select(p => p.Trim()).Where(p => p.Length > 0);

    public static bool TryParseRange(string entry, out int lower, out int upper)
    {
        lower = upper = 0;
        var parts = entry.Split('-');
        if (parts.Length is < 1 or > 2 || !TryParsePort(parts[0], out lower))
        {
            return false;
        }
        if (parts.Length == 1)
        {
            upper = lower;
            return true;
        }
        return TryParsePort(parts[1], out upper) && lower <= upper;
    }

    public static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 0 and <= 65535;
}
