using System.Text.RegularExpressions;

namespace Kubemate.ApiMachinery.Validation;

/// <summary>Port numbers and names, ConfigMap/Secret keys and environment variable names (apimachinery's <c>util/validation</c>).</summary>
public static partial class NameFormats
{
    public const int PortNameMaxLength = 15;

    private const string ConfigKeyFormat = "[-._a-zA-Z0-9]+";
    private const string EnvVarNameFormat = "[-._a-zA-Z][-._a-zA-Z0-9]*";
    private const string ConfigKeyMessage = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
    private const string EnvVarNameMessage =
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit";

    [GeneratedRegex("^" + ConfigKeyFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigKeyRegex();

    [GeneratedRegex("^" + EnvVarNameFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex EnvVarNameRegex();

    [GeneratedRegex("^[-a-z0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex PortNameCharsetRegex();

    /// <summary>A TCP/UDP/SCTP port number: 1 to 65535.</summary>
    public static IReadOnlyList<string> IsValidPortNumber(long port) =>
        port is >= 1 and <= 65535 ? [] : ["must be between 1 and 65535, inclusive"];

    /// <summary>A named port (IANA_SVC_NAME): at most 15 characters, lower case letters, digits and single inner hyphens, one letter at least.</summary>
    public static IReadOnlyList<string> IsValidPortName(string port)
    {
        var errors = new List<string>();
        if (port.Length > PortNameMaxLength)
        {
            errors.Add(MaxLengthError(PortNameMaxLength));
        }
        if (!PortNameCharsetRegex().IsMatch(port))
        {
            errors.Add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        else if (!port.Any(c => c is >= 'a' and <= 'z'))
        {
            errors.Add("must contain at least one letter (a-z)");
        }
        if (port.Contains("--", StringComparison.Ordinal))
        {
            errors.Add("must not contain consecutive hyphens");
        }
        if (port.Length > 0 && (port[0] == '-' || port[^1] == '-'))
        {
            errors.Add("must not begin or end with a hyphen");
        }
        return errors;
    }

    /// <summary>A key of a ConfigMap's or Secret's data: a file name a volume can hold.</summary>
    public static IReadOnlyList<string> IsConfigMapKey(string key)
    {
        var errors = new List<string>();
        if (key.Length > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123SubdomainMaxLength));
        }
        if (!ConfigKeyRegex().IsMatch(key))
        {
            errors.Add(RegexError(ConfigKeyMessage, ConfigKeyFormat, "key.name", "KEY_NAME", "key-name"));
        }
        errors.AddRange(DirectoryPrefixErrors(key));
        return errors;
    }

    public static IReadOnlyList<string> IsEnvVarName(string name)
    {
        var errors = new List<string>();
        if (!EnvVarNameRegex().IsMatch(name))
        {
            errors.Add(RegexError(EnvVarNameMessage, EnvVarNameFormat, "my.env-name", "MY_ENV.NAME", "MyEnvName1"));
        }
        errors.AddRange(DirectoryPrefixErrors(name));
        return errors;
    }

    private static IEnumerable<string> DirectoryPrefixErrors(string value) => value switch
    {
        "." => ["must not be '.'"],
        ".." => ["must not be '..'"],
        _ when value.StartsWith("..", StringComparison.Ordinal) => ["must not start with '..'"],
        _ => [],
    };
}
