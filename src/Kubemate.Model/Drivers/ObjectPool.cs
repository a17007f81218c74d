using System.Text.Json.Nodes;
using Kubemate.Model.Kube;

namespace Kubemate.Model.Drivers;

/// <summary>
/// The objects being read, for a driver's readers to look up and claim. Whatever no reader claims is returned
/// as unrecognized, with the reason a reader gave when it declined it.
/// </summary>
public sealed class ObjectPool
{
    private readonly List<JsonObject> _objects;
    private readonly HashSet<JsonObject> _claimed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<JsonObject, string> _declined = new(ReferenceEqualityComparer.Instance);

    public ObjectPool(IEnumerable<JsonObject> objects) => _objects = [.. objects];

    /// <summary>Unclaimed objects of a group and kind, in input order.</summary>
    public IEnumerable<JsonObject> Unclaimed(string group, string kind) =>
        _objects.Where(o => !_claimed.Contains(o) && KubeJson.Is(o, group, kind)).ToList();

    /// <summary>Every object of a group and kind, claimed or not (for objects several readers share, such as a Namespace).</summary>
    public IEnumerable<JsonObject> All(string group, string kind) => _objects.Where(o => KubeJson.Is(o, group, kind)).ToList();

    /// <summary>Any object (claimed or not) of a group and kind in a namespace, by name.</summary>
    public JsonObject? Find(string group, string kind, string? @namespace, string name) =>
        _objects.FirstOrDefault(o => KubeJson.Is(o, group, kind) && KubeJson.Namespace(o) == @namespace && KubeJson.Name(o) == name);

    public void Claim(JsonObject obj)
    {
        _claimed.Add(obj);
        _declined.Remove(obj);
    }

    public bool IsClaimed(JsonObject obj) => _claimed.Contains(obj);

    /// <summary>Leaves the object unclaimed and records why (the first reason wins).</summary>
    public void Decline(JsonObject obj, string reason) => _declined.TryAdd(obj, reason);

    public IReadOnlyList<UnrecognizedObject> Leftovers() =>
        [.. _objects.Where(o => !_claimed.Contains(o)).Select(o => new UnrecognizedObject(o, _declined.GetValueOrDefault(o, "not mesh configuration this driver reads")))];
}
