using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Resources;

/// <summary>
/// Every resource the sandbox serves right now: the built-ins and whatever the stored CRDs define.
/// Immutable snapshots are swapped atomically, so readers never lock.
/// </summary>
public sealed class ResourceRegistry
{
    private ImmutableList<ResourceType> _custom = [];
    private Snapshot _snapshot;

    public ResourceRegistry()
    {
        _snapshot = new Snapshot(BuiltInResources.All);
    }

    /// <summary>Raised after the set of served resources changed (a CRD was created, changed or deleted).</summary>
    public event Action? Changed;

    public IReadOnlyList<ResourceType> All => _snapshot.All;

    public long Generation => _snapshot.Generation;

    public ResourceType? Find(string group, string version, string plural) =>
        _snapshot.ByPath.GetValueOrDefault((group, version, plural));

    public ResourceType? FindByKind(string apiVersion, string kind) =>
        _snapshot.ByKind.GetValueOrDefault((apiVersion, kind));

    /// <summary>Any served version of a group/resource (for storage-level operations).</summary>
    public IEnumerable<ResourceType> Versions(string group, string plural) =>
        _snapshot.All.Where(r => r.Group == group && r.Plural == plural);

    /// <summary>Replaces the custom resources defined by the CRD named <paramref name="crdName"/>.</summary>
    public void SetCustomResources(string crdName, IReadOnlyList<ResourceType> types)
    {
        lock (this)
        {
            _custom = _custom.RemoveAll(t => t.Custom?.CrdName == crdName).AddRange(types);
            _snapshot = new Snapshot(BuiltInResources.All.Concat(_custom).ToList(), _snapshot.Generation + 1);
        }
        Changed?.Invoke();
    }

    public void RemoveCustomResources(string crdName) => SetCustomResources(crdName, []);

    private sealed class Snapshot
    {
        public Snapshot(IReadOnlyList<ResourceType> all, long generation = 0)
        {
            All = all;
            Generation = generation;
            ByPath = all.ToDictionary(r => (r.Group, r.Version, r.Plural));
            ByKind = new Dictionary<(string, string), ResourceType>();
            foreach (var type in all)
            {
                ByKind.TryAdd((type.GroupVersion, type.Kind), type);
            }
        }

        public IReadOnlyList<ResourceType> All { get; }
        public long Generation { get; }
        public Dictionary<(string Group, string Version, string Plural), ResourceType> ByPath { get; }
        public Dictionary<(string ApiVersion, string Kind), ResourceType> ByKind { get; }
    }
}
