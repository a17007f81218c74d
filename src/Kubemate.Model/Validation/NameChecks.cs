using System.Text.RegularExpressions;

namespace Kubemate.Model.Validation;

/// <summary>Kubernetes name rules (DNS-1123 labels and subdomains, label keys and values), as problems with a field path.</summary>
public static partial class NameChecks
{
    /// <summary>A DNS-1123 label: at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit (Service, Namespace names).</summary>
    public static IEnumerable<ValidationProblem> Dns1123Label(string? value, string path)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return new(path, "is required");
            yield break;
        }
        if (value.Length > 63)
        {
            yield return new(path, $"'{value}' is longer than 63 characters");
        }
        if (!LabelPattern().IsMatch(value))
        {
            yield return new(path, $"'{value}' is not a valid DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)");
        }
    }

    /// <summary>A DNS-1123 subdomain: at most 253 characters of dot-separated labels (most object names).</summary>
    public static IEnumerable<ValidationProblem> Dns1123Subdomain(string? value, string path)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield return new(path, "is required");
            yield break;
        }
        if (value.Length > 253)
        {
            yield return new(path, $"'{value}' is longer than 253 characters");
        }
        if (!SubdomainPattern().IsMatch(value))
        {
            yield return new(path, $"'{value}' is not a valid DNS-1123 subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)");
        }
    }

    /// <summary>An optional DNS-1123 label: no problem when null.</summary>
    public static IEnumerable<ValidationProblem> OptionalDns1123Label(string? value, string path) =>
        value is null ? [] : Dns1123Label(value, path);

    /// <summary>A label key: an optional DNS subdomain prefix and '/', then a name of at most 63 characters.</summary>
    public static IEnumerable<ValidationProblem> LabelKey(string? key, string path)
    {
        if (string.IsNullOrEmpty(key))
        {
            yield return new(path, "label key is required");
            yield break;
        }
        var slash = key.IndexOf('/');
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            foreach (var problem in Dns1123Subdomain(key[..slash], path))
            {
                yield return problem with { Reason = "label key prefix " + problem.Reason };
            }
        }
        if (name.Length is 0 or > 63 || !QualifiedNamePattern().IsMatch(name))
        {
            yield return new(path, $"'{key}' is not a valid label key (name part: at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)");
        }
    }

    /// <summary>A label value: empty, or at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.</summary>
    public static IEnumerable<ValidationProblem> LabelValue(string? value, string path)
    {
        if (string.IsNullOrEmpty(value))
        {
            yield break;
        }
        if (value.Length > 63 || !QualifiedNamePattern().IsMatch(value))
        {
            yield return new(path, $"'{value}' is not a valid label value (at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit)");
        }
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex SubdomainPattern();

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$")]
    private static partial Regex QualifiedNamePattern();
}
