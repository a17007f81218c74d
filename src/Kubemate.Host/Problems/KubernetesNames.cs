using System.Text.RegularExpressions;

namespace Kubemate.Host.Problems;

/// <summary>Kubernetes' name rules, checked before any call to the cluster.</summary>
public static partial class KubernetesNames
{
    /// <summary>DNS-1123 label (namespaces, services): at most 63 characters, lower-case alphanumerics and '-', alphanumeric at both ends.</summary>
    public static bool CheckLabel(string? value, string field, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required");
            return false;
        }
        if (value.Length > 63)
        {
            errors.Add(field, $"must be no more than 63 characters (has {value.Length})");
            return false;
        }
        if (!Label().IsMatch(value))
        {
            errors.Add(field, "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit");
            return false;
        }
        return true;
    }

    /// <summary>DNS-1123 subdomain (most object names): at most 253 characters, labels separated by dots.</summary>
    public static bool CheckSubdomain(string? value, string field, RequestErrors errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required");
            return false;
        }
        if (value.Length > 253)
        {
            errors.Add(field, $"must be no more than 253 characters (has {value.Length})");
            return false;
        }
        if (!Subdomain().IsMatch(value))
        {
            errors.Add(field, "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
            return false;
        }
        return true;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Subdomain();
}
