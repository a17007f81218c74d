using System.Security.Cryptography;
using System.Text;
using Kubemate.Cluster.Identity;
using Kubemate.Host.Listening;

namespace Kubemate.Host.Identity;

/// <summary>Looks users up by bearer token or by name and password; comparisons take constant time.</summary>
public sealed class UserDirectory(IEnumerable<DirectoryUser> users, string source)
{
    private readonly IReadOnlyList<DirectoryUser> _users = users.ToList();

    /// <summary>
    /// The host's users. Demo passwords are for a console on this machine: off loopback only tokens (and OIDC) sign
    /// users in, whatever the options list.
    /// </summary>
    public static UserDirectory For(KubemateHostOptions options) => new(
        ListenScope.IsLoopback(options.ListenAddress) ? options.Users : options.Users.Select(u => u with { Password = null }),
        options.UsersSource);

    /// <summary>sandbox or token-file: recorded as the sign-in source.</summary>
    public string Source { get; } = source;

    public UserIdentity? FindByToken(string token) =>
        Find(u => Same(u.Token, token));

    public UserIdentity? FindByPassword(string name, string password) =>
        Find(u => u.Password is not null && u.Name == name & Same(u.Password, password));

    private UserIdentity? Find(Func<DirectoryUser, bool> matches)
    {
        // Look at every entry so the time taken does not tell which one matched.
        DirectoryUser? found = null;
        foreach (var user in _users)
        {
            if (matches(user))
            {
                found ??= user;
            }
        }
        return found is null ? null : new UserIdentity(found.Name, found.Groups);
    }

    private static bool Same(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}
