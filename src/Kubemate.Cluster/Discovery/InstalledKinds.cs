namespace Kubemate.Cluster.Discovery;

/// <summary>
/// Which of the kinds Kubemate knows are installed, each at the version the server prefers, so the console adapts
/// to the cluster: Gateway API HTTPRoute where it exists, SMI TrafficSplit on older meshes, and so on.
/// </summary>
public sealed class InstalledKinds
{
    private readonly Dictionary<GroupKind, ResourceType> _byKind;

    private InstalledKinds(Dictionary<GroupKind, ResourceType> byKind) => _byKind = byKind;

    public IReadOnlyCollection<ResourceType> All => _byKind.Values;

    public bool Has(GroupKind kind) => _byKind.ContainsKey(kind);

    /// <summary>The served resource for a kind at its preferred version, or null when not installed.</summary>
    public ResourceType? Find(GroupKind kind) => _byKind.GetValueOrDefault(kind);

    /// <summary>Looks up each wanted kind, trying the group's served versions preferred first.</summary>
    public static async Task<InstalledKinds> DiscoverAsync(ApiDiscovery discovery, IEnumerable<GroupKind> wanted, CancellationToken cancellationToken = default)
    {
        var groups = (await discovery.GroupsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(g => g.Name);
        var found = new Dictionary<GroupKind, ResourceType>();
        foreach (var kind in wanted.Distinct())
        {
            if (!groups.TryGetValue(kind.Group, out var group))
            {
                continue;
            }
            foreach (var version in group.Versions)
            {
                var apiVersion = kind.Group.Length == 0 ? version : $"{kind.Group}/{version}";
                var resource = (await discovery.ResourcesAsync(apiVersion, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.Kind == kind.Kind);
                if (resource is not null)
                {
                    found[kind] = resource;
                    break;
                }
            }
        }
        return new InstalledKinds(found);
    }
}
