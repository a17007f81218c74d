using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Host.Problems;

/// <summary>Kubernetes' name rules (<see cref="NameFormats"/>), checked before any call to the cluster, worded for API clients.</summary>
public static class KubernetesNames
{
    /// <summary>DNS-1123 label (namespaces, services): at most 63 characters, lower-case alphanumerics and '-', alphanumeric at both ends.</summary>
    public static bool CheckLabel(string? value, string field, RequestErrors errors) =>
        Check(value, field, errors, NameFormats.Dns1123LabelMaxLength, NameFormats.IsDns1123Label,
            "must be a DNS-1123 label: lower-case letters, digits and '-', starting and ending with a letter or digit");

    /// <summary>DNS-1123 subdomain (most object names): at most 253 characters, labels separated by dots.</summary>
    public static bool CheckSubdomain(string? value, string field, RequestErrors errors) =>
        Check(value, field, errors, NameFormats.Dns1123SubdomainMaxLength, NameFormats.IsDns1123Subdomain,
            "must be a DNS-1123 subdomain: lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");

    /// <summary>Path-segment name (RBAC roles and bindings): anything but '/' and '%', '.' or '..'.</summary>
    public static bool CheckPathSegment(string? value, string field, RequestErrors errors) =>
        Check(value, field, errors, NameFormats.Dns1123SubdomainMaxLength, NameFormats.IsPathSegmentName,
            "must be usable as a path segment: no '/' or '%', and not '.' or '..'");

    /// <summary>An object's name by its kind's rule: Namespaces are labels, RBAC roles and bindings path segments, the rest subdomains.</summary>
    public static bool CheckObjectName(string? apiVersion, string? kind, string? value, string field, RequestErrors errors) =>
        kind == "Namespace" ? CheckLabel(value, field, errors)
        : NameFormats.NamedByPathSegment(apiVersion, kind) ? CheckPathSegment(value, field, errors)
        : CheckSubdomain(value, field, errors);

    private static bool Check(string? value, string field, RequestErrors errors, int maxLength, Func<string, IReadOnlyList<string>> format, string formatReason)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(field, "is required");
            return false;
        }
        if (value.Length > maxLength)
        {
            errors.Add(field, $"must be no more than {maxLength} characters (has {value.Length})");
            return false;
        }
        if (format(value).Count > 0)
        {
            errors.Add(field, formatReason);
            return false;
        }
        return true;
    }
}
