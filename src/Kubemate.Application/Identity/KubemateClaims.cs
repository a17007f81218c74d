using System.Security.Claims;
using Kubemate.Cluster.Identity;

namespace Kubemate.Application.Identity;

/// <summary>
/// How a signed-in user is carried in a <see cref="ClaimsPrincipal"/>: <see cref="ClaimTypes.Name"/> is the
/// Kubernetes user name and each group is one <see cref="Group"/> claim, whichever way the user signed in.
/// </summary>
public static class KubemateClaims
{
    public const string Group = "kubemate/group";

    /// <summary>How the user signed in: sandbox, token-file or oidc.</summary>
    public const string Source = "kubemate/source";

    public static ClaimsPrincipal ToPrincipal(this UserIdentity user, string authenticationType, string source)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Name),
            new(ClaimTypes.Name, user.Name),
            new(Source, source),
        };
        claims.AddRange(user.Groups.Select(g => new Claim(Group, g)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The Kubernetes identity Kubemate impersonates for this principal.</summary>
    /// <exception cref="InvalidOperationException">The principal is not signed in.</exception>
    public static UserIdentity ToUserIdentity(this ClaimsPrincipal user)
    {
        var name = user.FindFirst(ClaimTypes.Name)?.Value;
        if (user.Identity?.IsAuthenticated != true || string.IsNullOrEmpty(name))
        {
            throw new InvalidOperationException("the request is not signed in");
        }
        return new UserIdentity(name, user.FindAll(Group).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>The identity of a signed-in principal, or null for an anonymous one (a host without sign-in).</summary>
    public static UserIdentity? ToUserIdentityOrNull(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.ToUserIdentity() : null;
}
