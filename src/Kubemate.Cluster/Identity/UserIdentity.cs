namespace Kubemate.Cluster.Identity;

/// <summary>The Kubemate user a cluster call is made for; sent as <c>Impersonate-User</c> / <c>Impersonate-Group</c>.</summary>
public sealed record UserIdentity(string Name, IReadOnlyList<string> Groups)
{
    public UserIdentity(string name) : this(name, []) { }
}
