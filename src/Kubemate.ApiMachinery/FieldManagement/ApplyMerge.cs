using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// Merges an applied configuration into the live object: the configuration wins on leaves and atomic values,
/// maps merge key by key, set lists are unioned and list-maps merge element by element on their keys.
/// </summary>
internal static class ApplyMerge
{
    public static JsonObject Merge(JsonObject live, JsonObject config, TypeShape shape) =>
        (JsonObject)Merge(Slot.Of(live), Slot.Of(config), shape, [])!;

    private static JsonNode? Merge(Slot live, Slot config, TypeShape shape, List<PathElement> path)
    {
        if (!config.Present)
        {
            return live.Value?.DeepClone();
        }
        var lk = live.Kind;
        var ck = config.Kind;
        var kind = lk == NodeKind.None ? ck : ck == NodeKind.None || ck == lk ? lk : NodeKind.Scalar;
        return kind switch
        {
            NodeKind.Object when !shape.IsAtomicObject && !(IsEmpty(live) && IsEmpty(config)) =>
                MergeMaps(live.Value as JsonObject, config.Value as JsonObject, shape, path),
            NodeKind.List when shape.EffectiveListKind() != ListKind.Atomic && !(IsEmpty(live) && IsEmpty(config)) =>
                MergeLists(live.Value as JsonArray, config.Value as JsonArray, shape, path),
            _ => config.Value?.DeepClone(),
        };
    }

    private static JsonObject MergeMaps(JsonObject? live, JsonObject? config, TypeShape shape, List<PathElement> path)
    {
        var result = new JsonObject();
        foreach (var (name, value) in (IEnumerable<KeyValuePair<string, JsonNode?>>?)live ?? [])
        {
            path.Add(PathElement.Field(name));
            result[name] = Merge(Slot.Of(value), Slot.Field(config, name), shape.Field(name), path);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var (name, value) in (IEnumerable<KeyValuePair<string, JsonNode?>>?)config ?? [])
        {
            if (!result.ContainsKey(name))
            {
                path.Add(PathElement.Field(name));
                result[name] = Merge(Slot.Absent, Slot.Of(value), shape.Field(name), path);
                path.RemoveAt(path.Count - 1);
            }
        }
        return result;
    }

    // Elements keep their live order; elements new to the configuration are placed where the configuration
    // puts them relative to the elements both sides share.
    private static JsonArray MergeLists(JsonArray? live, JsonArray? config, TypeShape shape, List<PathElement> path)
    {
        var liveItems = live ?? [];
        var configItems = config ?? [];
        var liveKeys = new List<PathElement>(liveItems.Count);
        var liveByKey = new Dictionary<PathElement, JsonNode?>();
        var duplicatedInLive = new HashSet<PathElement>();
        for (var i = 0; i < liveItems.Count; i++)
        {
            var element = ListElements.ElementOf(liveItems[i], shape, i, path);
            liveKeys.Add(element);
            if (!liveByKey.TryAdd(element, liveItems[i]))
            {
                duplicatedInLive.Add(element);
            }
        }
        var configKeys = new List<PathElement>(configItems.Count);
        var configKeySet = new HashSet<PathElement>();
        for (var i = 0; i < configItems.Count; i++)
        {
            var element = ListElements.ElementOf(configItems[i], shape, i, path);
            if (!configKeySet.Add(element))
            {
                throw new FieldManagementException(FieldPath.Of(path).ToString(), $"duplicate entries for key {element}");
            }
            configKeys.Add(element);
        }

        var shared = new Queue<PathElement>(configKeys.Where(liveByKey.ContainsKey));
        var nextShared = shared.Count > 0 ? shared.Dequeue() : null;
        var emitted = new HashSet<PathElement>();
        var result = new JsonArray();
        var li = 0;
        var ci = 0;
        while (li < liveKeys.Count || ci < configKeys.Count)
        {
            if (li < liveKeys.Count && ci < configKeys.Count && liveKeys[li].Equals(configKeys[ci]))
            {
                Emit(configKeys[ci], configItems[ci]);
                li++;
                ci++;
                nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                continue;
            }
            if (li < liveKeys.Count)
            {
                var element = liveKeys[li];
                if (!configKeySet.Contains(element))
                {
                    path.Add(element);
                    result.Add(Merge(Slot.Of(liveItems[li]), Slot.Absent, shape.Element, path));
                    path.RemoveAt(path.Count - 1);
                    li++;
                    continue;
                }
                // A shared element the configuration wants later, or one already merged: it is emitted in the
                // configuration's order instead.
                if (emitted.Contains(element) || (nextShared is not null && !nextShared.Equals(element)))
                {
                    li++;
                    continue;
                }
            }
            if (ci < configKeys.Count)
            {
                var element = configKeys[ci];
                Emit(element, configItems[ci]);
                if (nextShared is not null && nextShared.Equals(element))
                {
                    nextShared = shared.Count > 0 ? shared.Dequeue() : null;
                }
                ci++;
                continue;
            }
            li++;
        }
        return result;

        void Emit(PathElement element, JsonNode? configItem)
        {
            emitted.Add(element);
            // Duplicates in the live list are replaced by the configured element alone.
            var liveSlot = liveByKey.TryGetValue(element, out var liveItem) && !duplicatedInLive.Contains(element) ? Slot.Of(liveItem) : Slot.Absent;
            path.Add(element);
            result.Add(Merge(liveSlot, Slot.Of(configItem), shape.Element, path));
            path.RemoveAt(path.Count - 1);
        }
    }

    private static bool IsEmpty(Slot slot) => slot.Value switch
    {
        JsonObject obj => obj.Count == 0,
        JsonArray array => array.Count == 0,
        _ => true,
    };
}
