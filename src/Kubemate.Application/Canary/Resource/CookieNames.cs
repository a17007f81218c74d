namespace Kubemate.Application.Canary.Resource;

/// <summary>Cookie names are HTTP tokens (RFC 6265 §4.1.1).</summary>
internal static class CookieNames
{
    private const string Separators = "()<>@,;:\\\"/[]?={} \t";

    public static bool IsToken(string? name) =>
        !string.IsNullOrEmpty(name) && name.All(c => c > 32 && c < 127 && !Separators.Contains(c));
}
