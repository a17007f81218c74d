namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// Keeps the number of Update entries bounded as the apiserver does: beyond ten, the oldest are folded, per API
/// version, into one <c>ancient-changes</c> entry.
/// </summary>
internal static class UpdateManagerCap
{
    public const int MaxUpdateManagers = 10;

    public const string BucketManager = "ancient-changes";

    public static List<ManagedFieldsEntry> Apply(List<ManagedFieldsEntry> entries)
    {
        var updaters = entries.Where(e => e.Operation == ManagedFieldsOperation.Update).ToList();
        if (updaters.Count <= MaxUpdateManagers)
        {
            return entries;
        }
        var byKey = entries.ToDictionary(e => e.Key);
        updaters.Sort((a, b) =>
        {
            var c = (a.Time?.ToUnixTimeSeconds() ?? 0).CompareTo(b.Time?.ToUnixTimeSeconds() ?? 0);
            return c != 0 ? c : string.CompareOrdinal(IdentityText(a), IdentityText(b));
        });
        var firstOfVersion = new Dictionary<string, ManagerKey>(StringComparer.Ordinal);
        var remaining = updaters.Count;
        foreach (var entry in updaters)
        {
            if (remaining <= MaxUpdateManagers)
            {
                break;
            }
            var bucketKey = new ManagerKey(BucketManager, ManagedFieldsOperation.Update, entry.ApiVersion, "");
            if (!firstOfVersion.TryGetValue(entry.ApiVersion, out var first))
            {
                firstOfVersion[entry.ApiVersion] = entry.Key;
                continue;
            }
            if (entry.Key.Equals(bucketKey))
            {
                // The bucket itself comes up: fold the older entry of its version into it.
                var older = byKey[first];
                byKey.Remove(first);
                byKey[bucketKey] = entry with { Fields = entry.Fields.Union(older.Fields) };
                firstOfVersion[entry.ApiVersion] = bucketKey;
            }
            else
            {
                if (!byKey.ContainsKey(bucketKey))
                {
                    var seed = byKey[first];
                    byKey.Remove(first);
                    byKey[bucketKey] = seed with { Manager = BucketManager, Subresource = null };
                }
                var bucket = byKey[bucketKey];
                byKey[bucketKey] = bucket with { Fields = entry.Fields.Union(bucket.Fields), Time = entry.Time };
                byKey.Remove(entry.Key);
            }
            remaining--;
        }
        return [.. byKey.Values];
    }

    private static string IdentityText(ManagedFieldsEntry e) => $"{e.Manager}\u0000{e.Operation}\u0000{e.ApiVersion}\u0000{e.Subresource}";
}
