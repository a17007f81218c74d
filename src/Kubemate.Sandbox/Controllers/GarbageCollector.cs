using System.Text.Json.Nodes;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Storage;
using Microsoft.Extensions.Logging;

namespace Kubemate.Sandbox.Controllers;

/// <summary>
/// The garbage collector and namespace controller of the sandbox: deletes dependents of deleted owners
/// (background), finishes foreground and orphan deletions, empties terminating namespaces, and removes the
/// objects of a deleted CRD. Works from a watch of every resource, like kube-controller-manager.
/// </summary>
public sealed class GarbageCollector : IDisposable
{
    public const string NamespaceFinalizer = "kubernetes.io/namespace-content";
    private readonly ObjectStore _store;
    private readonly ILogger _logger;
    private readonly StoreWatch _watch;
    private readonly Task _loop;
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependentsByOwner = [];
    private readonly Dictionary<ObjectKey, string[]> _ownersOf = [];

    public GarbageCollector(ObjectStore store, ILogger logger)
    {
        _store = store;
        _logger = logger;
        _watch = store.Watch(null, null, null);
        _loop = Task.Run(Run);
    }

    private async Task Run()
    {
        await foreach (var storeEvent in _watch.Events.ReadAllAsync())
        {
            try
            {
                Handle(storeEvent);
            }
            catch (StoreException ex)
            {
                _logger.LogDebug("garbage collection raced with another write: {Message}", ex.Message);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "garbage collection failed for {Key}", storeEvent.Object.Key);
            }
        }
    }

    private void Handle(StoreEvent storeEvent)
    {
        var stored = storeEvent.Object;
        Index(storeEvent);
        if (storeEvent.Type == StoreEventType.Deleted)
        {
            OnDeleted(stored);
            foreach (var ownerUid in storeEvent.Previous is null ? [] : OwnerUids(storeEvent.Previous.Object))
            {
                RecheckForeground(ownerUid);
            }
            return;
        }
        if (stored.Object.At("metadata", "deletionTimestamp") is null)
        {
            return;
        }
        var finalizers = Finalizers(stored.Object);
        if (finalizers.Contains(ResourceApi.OrphanFinalizer))
        {
            Orphan(stored);
        }
        if (finalizers.Contains(ResourceApi.ForegroundFinalizer))
        {
            foreach (var dependent in Dependents(Uid(stored.Object)))
            {
                DeleteQuietly(dependent, "Foreground");
            }
            RecheckForeground(Uid(stored.Object));
        }
        if (stored.Key.Resource == "/namespaces" && finalizers.Contains(NamespaceFinalizer))
        {
            EmptyNamespace(stored);
        }
    }

    private void OnDeleted(StoredObject deleted)
    {
        foreach (var dependent in Dependents(Uid(deleted.Object)))
        {
            DeleteQuietly(dependent, "Background");
        }
        if (deleted.Key.Resource == CrdController.CrdResource)
        {
            foreach (var key in CrdController.Orphans(_store, deleted.Object))
            {
                DeleteQuietly(key, "Background");
            }
        }
        if (deleted.Key.Resource != "/namespaces")
        {
            var ns = deleted.Key.Namespace;
            if (ns.Length > 0 && _store.Get(new ObjectKey("/namespaces", "", ns)) is { } owner && owner.Object.At("metadata", "deletionTimestamp") is not null)
            {
                EmptyNamespace(owner);
            }
        }
    }

    private void EmptyNamespace(StoredObject ns)
    {
        var name = ns.Key.Name;
        var remaining = 0;
        foreach (var resource in _store.ResourcesWithObjects())
        {
            if (resource == "/namespaces")
            {
                continue;
            }
            foreach (var item in _store.List(resource, name).Items)
            {
                remaining++;
                DeleteQuietly(item.Key, "Background");
            }
        }
        if (remaining == 0)
        {
            RemoveFinalizer(ns.Key, NamespaceFinalizer);
        }
    }

    private void Orphan(StoredObject owner)
    {
        var uid = Uid(owner.Object);
        foreach (var dependent in Dependents(uid))
        {
            _store.Write(dependent, current =>
            {
                if (current is null)
                {
                    return null;
                }
                var next = current.Clone();
                if (next.At("metadata", "ownerReferences") is JsonArray references)
                {
                    foreach (var reference in references.Where(r => r.GetString("uid") == uid).ToList())
                    {
                        references.Remove(reference);
                    }
                    if (references.Count == 0)
                    {
                        next.Metadata().Remove("ownerReferences");
                    }
                }
                return next;
            });
        }
        RemoveFinalizer(owner.Key, ResourceApi.OrphanFinalizer);
    }

    private void RecheckForeground(string ownerUid)
    {
        if (Dependents(ownerUid).Count > 0)
        {
            return;
        }
        var owner = FindByUid(ownerUid);
        if (owner is not null && Finalizers(owner.Object).Contains(ResourceApi.ForegroundFinalizer) && owner.Object.At("metadata", "deletionTimestamp") is not null)
        {
            RemoveFinalizer(owner.Key, ResourceApi.ForegroundFinalizer);
        }
    }

    private readonly Dictionary<string, ObjectKey> _keyByUid = [];

    private StoredObject? FindByUid(string uid) => _keyByUid.TryGetValue(uid, out var key) ? _store.Get(key) : null;

    private void RemoveFinalizer(ObjectKey key, string finalizer)
    {
        _store.Write(key, current =>
        {
            if (current is null)
            {
                throw new NotFoundException(key);
            }
            var next = current.Clone();
            var finalizers = next.At("metadata", "finalizers") as JsonArray ?? [];
            foreach (var entry in finalizers.Where(f => f?.GetValue<string>() == finalizer).ToList())
            {
                finalizers.Remove(entry);
            }
            if (finalizers.Count == 0)
            {
                next.Metadata().Remove("finalizers");
                if (next.At("metadata", "deletionTimestamp") is not null)
                {
                    return null;
                }
            }
            return next;
        });
    }

    private void DeleteQuietly(ObjectKey key, string policy)
    {
        try
        {
            DeleteNow(key, policy);
        }
        catch (StoreException)
        {
            // Gone already, or already terminating: nothing to do.
        }
    }

    private void DeleteNow(ObjectKey key, string policy)
    {
        _store.Write(key, current =>
        {
            if (current is null)
            {
                throw new NotFoundException(key);
            }
            var finalizers = Finalizers(current.Object);
            if (policy == "Foreground" && Dependents(Uid(current.Object)).Count > 0 && !finalizers.Contains(ResourceApi.ForegroundFinalizer))
            {
                finalizers.Add(ResourceApi.ForegroundFinalizer);
            }
            if (finalizers.Count == 0)
            {
                return null;
            }
            if (current.Object.At("metadata", "deletionTimestamp") is not null && Finalizers(current.Object).Count == finalizers.Count)
            {
                throw new NotFoundException(key); // already terminating: nothing to do
            }
            var next = current.Clone();
            next.Metadata()["finalizers"] = new JsonArray(finalizers.Select(f => (JsonNode)f).ToArray());
            next.Metadata()["deletionTimestamp"] ??= ObjectLifecycle.Timestamp(DateTimeOffset.UtcNow);
            return next;
        });
    }

    private void Index(StoreEvent storeEvent)
    {
        var key = storeEvent.Object.Key;
        if (_ownersOf.Remove(key, out var previousOwners))
        {
            foreach (var owner in previousOwners)
            {
                if (_dependentsByOwner.TryGetValue(owner, out var set))
                {
                    set.Remove(key);
                    if (set.Count == 0)
                    {
                        _dependentsByOwner.Remove(owner);
                    }
                }
            }
        }
        var uid = Uid(storeEvent.Object.Object);
        if (storeEvent.Type == StoreEventType.Deleted)
        {
            _keyByUid.Remove(uid);
            return;
        }
        _keyByUid[uid] = key;
        var owners = OwnerUids(storeEvent.Object.Object);
        if (owners.Length == 0)
        {
            return;
        }
        _ownersOf[key] = owners;
        foreach (var owner in owners)
        {
            if (!_dependentsByOwner.TryGetValue(owner, out var set))
            {
                _dependentsByOwner[owner] = set = [];
            }
            set.Add(key);
        }
    }

    private List<ObjectKey> Dependents(string uid) =>
        _dependentsByOwner.TryGetValue(uid, out var set) ? set.ToList() : [];

    private static string[] OwnerUids(JsonObject obj) =>
        (obj.At("metadata", "ownerReferences") as JsonArray ?? []).Select(r => r.GetString("uid") ?? "").Where(u => u.Length > 0).ToArray();

    private static string Uid(JsonObject obj) => obj.GetString("metadata", "uid") ?? "";

    private static List<string> Finalizers(JsonObject obj) =>
        (obj.At("metadata", "finalizers") as JsonArray ?? []).Select(f => f?.GetValue<string>() ?? "").ToList();

    public void Dispose()
    {
        _watch.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
