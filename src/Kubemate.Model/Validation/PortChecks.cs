using System.Globalization;
using System.Text.RegularExpressions;

namespace Kubemate.Model.Validation;

/// <summary>Port numbers, port names (IANA service names as Kubernetes checks them) and port lists such as <c>25,587,5000-6000</c>.</summary>
public static partial class PortChecks
{
    public const int Min = 1;
    public const int Max = 65535;

    public static IEnumerable<ValidationProblem> Number(int port, string path)
    {
        if (port is < Min or > Max)
        {
            yield return new(path, $"port {port} is out of range ({Min}-{Max})");
        }
    }

    public static IEnumerable<ValidationProblem> OptionalNumber(int? port, string path) =>
        port is int value ? Number(value, path) : [];

    /// <summary>A named port: at most 15 lowercase letters, digits and '-', with at least one letter and no leading, trailing or double '-'.</summary>
    public static IEnumerable<ValidationProblem> Name(string? name, string path)
    {
        if (string.IsNullOrEmpty(name))
        {
            yield return new(path, "port name is required");
            yield break;
        }
        if (name.Length > 15 || !PortNamePattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal) || !name.Any(char.IsAsciiLetter))
        {
            yield return new(path, $"'{name}' is not a valid port name (at most 15 lowercase letters, digits and '-', with a letter, no leading, trailing or double '-')");
        }
    }

    /// <summary>One entry of a port list: a number, a range <c>low-high</c>, or (when allowed) a port name.</summary>
    public static IEnumerable<ValidationProblem> ListEntry(string? entry, string path, bool allowNames)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            yield return new(path, "empty port entry");
            yield break;
        }
        if (TryParseRange(entry, out var low, out var high))
        {
            if (low is < Min or > Max || high is < Min or > Max)
            {
                yield return new(path, $"port range '{entry}' is out of range ({Min}-{Max})");
            }
            else if (low > high)
            {
                yield return new(path, $"port range '{entry}' runs backwards");
            }
            yield break;
        }
        if (int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var single))
        {
            foreach (var problem in Number(single, path))
            {
                yield return problem;
            }
            yield break;
        }
        if (!allowNames)
        {
            yield return new(path, $"'{entry}' is not a port number or range");
            yield break;
        }
        foreach (var problem in Name(entry, path))
        {
            yield return problem;
        }
    }

    /// <summary>Parses <c>low-high</c>.</summary>
    public static bool TryParseRange(string entry, out int low, out int high)
    {
        low = high = 0;
        var dash = entry.IndexOf('-');
        return dash > 0
            && int.TryParse(entry.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out low)
            && int.TryParse(entry.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out high);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex PortNamePattern();
}
