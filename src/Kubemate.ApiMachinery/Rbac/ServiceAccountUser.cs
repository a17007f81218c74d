namespace Kubemate.ApiMachinery.Rbac;

/// <summary>The user names and groups Kubernetes gives service accounts (<c>system:serviceaccount:NS:NAME</c>).</summary>
public static class ServiceAccountUser
{
    private const string UserPrefix = "system:serviceaccount:";

    /// <summary>The group of all service accounts.</summary>
    public const string AllServiceAccountsGroup = "system:serviceaccounts";

    public static string UserName(string ns, string name) => UserPrefix + ns + ":" + name;

    /// <summary><c>system:serviceaccounts</c> and <c>system:serviceaccounts:NS</c>.</summary>
    public static IReadOnlyList<string> Groups(string ns) => [AllServiceAccountsGroup, AllServiceAccountsGroup + ":" + ns];

    public static bool TryParse(string userName, out string ns, out string name)
    {
        ns = name = "";
        if (!userName.StartsWith(UserPrefix, StringComparison.Ordinal))
        {
            return false;
        }
        var parts = userName[UserPrefix.Length..].Split(':');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            return false;
        }
        (ns, name) = (parts[0], parts[1]);
        return true;
    }
}
