using System.Text.RegularExpressions;

namespace Kubemate.ApiMachinery.Validation;

/// <summary>
/// The name and key formats of Kubernetes (apimachinery's <c>util/validation</c>). Each check returns the list of
/// reasons the value is wrong, worded as the apiserver words them; an empty list means valid.
/// </summary>
public static partial class NameFormats
{
    public const int Dns1123SubdomainMaxLength = 253;
    public const int Dns1123LabelMaxLength = 63;
    public const int QualifiedNameMaxLength = 63;
    public const int LabelValueMaxLength = 63;

    private const string Dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private const string Dns1123SubdomainFormat = Dns1123LabelFormat + "(\\." + Dns1123LabelFormat + ")*";
    private const string Dns1035LabelFormat = "[a-z]([-a-z0-9]*[a-z0-9])?";
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";

    private const string Dns1123LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private const string Dns1123SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private const string Dns1035LabelMessage =
        "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
    private const string QualifiedNameMessage =
        "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueMessage =
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    // \z, not $: Go's $ matches only at the very end, .NET's also before a final newline ("web\n" must be invalid).
    [GeneratedRegex("^" + Dns1123LabelFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123LabelRegex();

    [GeneratedRegex("^" + Dns1123SubdomainFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123SubdomainRegex();

    [GeneratedRegex("^" + Dns1035LabelFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1035LabelRegex();

    [GeneratedRegex("^" + QualifiedNameFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedNameRegex();

    [GeneratedRegex("^" + LabelValueFormat + "\\z", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValueRegex();

    public static IReadOnlyList<string> IsDns1123Subdomain(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123SubdomainMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123SubdomainMaxLength));
        }
        if (!Dns1123SubdomainRegex().IsMatch(value))
        {
            errors.Add(RegexError(Dns1123SubdomainMessage, Dns1123SubdomainFormat, "example.com"));
        }
        return errors;
    }

    public static IReadOnlyList<string> IsDns1123Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123LabelMaxLength));
        }
        if (!Dns1123LabelRegex().IsMatch(value))
        {
            // A valid subdomain that is not a valid label can only be wrong because of its dots.
            errors.Add(Dns1123SubdomainRegex().IsMatch(value)
                ? "must not contain dots"
                : RegexError(Dns1123LabelMessage, Dns1123LabelFormat, "my-name", "123-abc"));
        }
        return errors;
    }

    public static IReadOnlyList<string> IsDns1035Label(string value)
    {
        var errors = new List<string>();
        if (value.Length > Dns1123LabelMaxLength)
        {
            errors.Add(MaxLengthError(Dns1123LabelMaxLength));
        }
        if (!Dns1035LabelRegex().IsMatch(value))
        {
            errors.Add(RegexError(Dns1035LabelMessage, Dns1035LabelFormat, "my-name", "abc-123"));
        }
        return errors;
    }

    /// <summary>
    /// True for the kinds whose names need only be path segments (RBAC roles and bindings, e.g. <c>system:viewers</c>);
    /// other objects' names are DNS-1123 subdomains (Namespaces: labels).
    /// </summary>
    public static bool NamedByPathSegment(string? apiVersion, string? kind) =>
        apiVersion is not null && apiVersion.StartsWith("rbac.authorization.k8s.io/", StringComparison.Ordinal)
        && kind is "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding";

    /// <summary>A name that can be one segment of a URL path. Like upstream, empty and long names pass.</summary>
    public static IReadOnlyList<string> IsPathSegmentName(string value)
    {
        if (value is "." or "..")
        {
            return [$"may not be '{value}'"];
        }
        var errors = new List<string>();
        foreach (var forbidden in new[] { "/", "%" })
        {
            if (value.Contains(forbidden, StringComparison.Ordinal))
            {
                errors.Add($"may not contain '{forbidden}'");
            }
        }
        return errors;
    }

    /// <summary>A label key, annotation key or finalizer: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static IReadOnlyList<string> IsQualifiedName(string value)
    {
        var errors = new List<string>();
        var parts = value.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                var prefix = parts[0];
                name = parts[1];
                if (prefix.Length == 0)
                {
                    errors.Add("prefix part " + EmptyError);
                }
                else
                {
                    errors.AddRange(IsDns1123Subdomain(prefix).Select(message => "prefix part " + message));
                }
                break;
            default:
                return ["a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"];
        }

        if (name.Length == 0)
        {
            errors.Add("name part " + EmptyError);
        }
        else if (name.Length > QualifiedNameMaxLength)
        {
            errors.Add("name part " + MaxLengthError(QualifiedNameMaxLength));
        }
        if (!QualifiedNameRegex().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }
        return errors;
    }

    public static IReadOnlyList<string> IsLabelValue(string value)
    {
        var errors = new List<string>();
        if (value.Length > LabelValueMaxLength)
        {
            errors.Add(MaxLengthError(LabelValueMaxLength));
        }
        if (!LabelValueRegex().IsMatch(value))
        {
            errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }
        return errors;
    }

    /// <summary>
    /// Checks a name, or with <paramref name="isPrefix"/> a <c>generateName</c> prefix (whose trailing '-' is allowed
    /// because random characters will follow it).
    /// </summary>
    public static IReadOnlyList<string> CheckName(NameRule rule, string name, bool isPrefix = false)
    {
        if (rule == NameRule.PathSegment)
        {
            return isPrefix ? IsPathSegmentPrefix(name) : IsPathSegmentName(name);
        }
        if (isPrefix && name.Length > 1 && name.EndsWith('-'))
        {
            name = name[..^1] + "a";
        }
        return rule switch
        {
            NameRule.Dns1123Subdomain => IsDns1123Subdomain(name),
            NameRule.Dns1123Label => IsDns1123Label(name),
            NameRule.Dns1035Label => IsDns1035Label(name),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown name rule"),
        };
    }

    private static IReadOnlyList<string> IsPathSegmentPrefix(string value) =>
        IsPathSegmentName(value is "." or ".." ? value + "x" : value);

    private const string EmptyError = "must be non-empty";

    private static string MaxLengthError(int length) => $"must be no more than {length} characters";

    private static string RegexError(string message, string format, params string[] examples)
    {
        if (examples.Length == 0)
        {
            return message + " (regex used for validation is '" + format + "')";
        }
        // Upstream joins examples as "'a',  or 'b', " — the double space is theirs and kept for identical messages.
        var text = message + " (e.g. " + string.Join(" or ", examples.Select(e => "'" + e + "', "));
        return text + "regex used for validation is '" + format + "')";
    }
}
