using System.Security.Cryptography;
using System.Text;

namespace Kubemate.Sandbox.Auth;

/// <summary>Bearer-token authentication against the sandbox's fixed set of users (compared in constant time).</summary>
public sealed class TokenAuthenticator
{
    private readonly IReadOnlyList<SandboxUser> _users;

    public TokenAuthenticator(IEnumerable<SandboxUser> users)
    {
        _users = users.ToList();
    }

    public IReadOnlyList<SandboxUser> Users => _users;

    public SandboxIdentity? Authenticate(string? authorizationHeader)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var presented = Encoding.UTF8.GetBytes(authorizationHeader["Bearer ".Length..].Trim());
        foreach (var user in _users)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(user.Token)))
            {
                return new SandboxIdentity(user.Name, user.Groups);
            }
        }
        return null;
    }

    /// <summary>A new random token (URL-safe, 256 bits).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
