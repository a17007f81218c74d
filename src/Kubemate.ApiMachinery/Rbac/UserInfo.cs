namespace Kubemate.ApiMachinery.Rbac;

/// <summary>Who is asking: the user name and the groups the authenticator (or impersonation) gave them.</summary>
public sealed record UserInfo(string Name, IReadOnlyList<string> Groups)
{
    /// <summary>Every authenticated user is in this group.</summary>
    public const string AuthenticatedGroup = "system:authenticated";

    /// <summary>Members may do anything, whatever RBAC says.</summary>
    public const string MastersGroup = "system:masters";

    public const string AnonymousUser = "system:anonymous";

    public const string UnauthenticatedGroup = "system:unauthenticated";

    public bool IsInGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);

    /// <summary>
    /// The user as the apiserver sees an authenticated or impersonated request: a service account user with no
    /// explicit groups gets its service account groups, and everyone but <c>system:anonymous</c> gets
    /// <c>system:authenticated</c>.
    /// </summary>
    public static UserInfo Authenticated(string name, IReadOnlyList<string>? groups = null)
    {
        var all = new List<string>(groups ?? []);
        if (all.Count == 0 && ServiceAccountUser.TryParse(name, out var ns, out _))
        {
            all.AddRange(ServiceAccountUser.Groups(ns));
        }
        var extra = name == AnonymousUser ? UnauthenticatedGroup : AuthenticatedGroup;
        if (!all.Contains(extra, StringComparer.Ordinal))
        {
            all.Add(extra);
        }
        return new UserInfo(name, all);
    }

    public bool Equals(UserInfo? other) => other is not null && Name == other.Name && Groups.SequenceEqual(other.Groups);

    public override int GetHashCode() => HashCode.Combine(Name, Groups.Count);
}
