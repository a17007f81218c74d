namespace Kubemate.ApiMachinery.Validation;

/// <summary>Which rule an object's <c>metadata.name</c> must follow; the kind decides.</summary>
public enum NameRule
{
    /// <summary>Lowercase RFC 1123 subdomain, at most 253 characters: most kinds.</summary>
    Dns1123Subdomain,

    /// <summary>Lowercase RFC 1123 label, at most 63 characters: namespaces.</summary>
    Dns1123Label,

    /// <summary>RFC 1035 label (must start with a letter), at most 63 characters: services.</summary>
    Dns1035Label,

    /// <summary>Any string usable as a URL path segment (no '/', '%', and not '.' or '..'): RBAC kinds.</summary>
    PathSegment,
}
