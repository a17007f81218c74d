namespace Kubemate.Host.Auth;

/// <summary>An OpenID Connect provider for sign-in on a real cluster (authorization code flow with PKCE).</summary>
public sealed record OidcSignInOptions(string Issuer, string ClientId, string? ClientSecret)
{
    /// <summary>The ID-token claim that becomes the Kubernetes user name (the same choice as kube-apiserver's --oidc-username-claim).</summary>
    public string UsernameClaim { get; init; } = "email";

    /// <summary>The ID-token claim that lists the user's groups.</summary>
    public string GroupsClaim { get; init; } = "groups";

    /// <summary>
    /// The URL users reach Kubemate at (behind a proxy, the proxy's); the sign-in callback URL is built from it.
    /// Null means the address the host listens on. Never taken from a request's Host header.
    /// </summary>
    public Uri? PublicUrl { get; init; }
}
