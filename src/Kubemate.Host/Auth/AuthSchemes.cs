namespace Kubemate.Host.Auth;

public static class AuthSchemes
{
    /// <summary>The default: bearer when an Authorization header is sent, else the session cookie.</summary>
    public const string Default = "kubemate";
    public const string Cookie = "kubemate-session";
    public const string Bearer = "Bearer";
    public const string Oidc = "oidc";
    public const string CookieName = "kubemate.session";
    public const string CsrfHeader = "X-CSRF-Token";
}
