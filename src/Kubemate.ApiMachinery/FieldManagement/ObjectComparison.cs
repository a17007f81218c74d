using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>What changed between two versions of an object, as field sets.</summary>
internal sealed record ObjectComparison(FieldSet Added, FieldSet Modified, FieldSet Removed)
{
    public FieldSet Changed => Modified.Union(Added);

    /// <summary>
    /// Compares two objects of one shape. Leaves (scalars, atomic values, and maps or lists empty on both sides)
    /// are added, removed or modified; a granular map, list or list element that appears or disappears is itself
    /// added or removed, together with everything in it.
    /// </summary>
    public static ObjectComparison Compare(JsonObject oldObj, JsonObject newObj, TypeShape shape)
    {
        var walker = new Walker();
        walker.Compare(Slot.Of(oldObj), Slot.Of(newObj), shape, []);
        return new ObjectComparison(walker.Added.Build(), walker.Modified.Build(), walker.Removed.Build());
    }

    private sealed class Walker
    {
        public FieldSetBuilder Added { get; } = new();

        public FieldSetBuilder Modified { get; } = new();

        public FieldSetBuilder Removed { get; } = new();

        public void Compare(Slot left, Slot right, TypeShape shape, List<PathElement> path)
        {
            var lk = left.Kind;
            var rk = right.Kind;
            var kind = lk == NodeKind.None ? rk : rk == NodeKind.None || rk == lk ? lk : NodeKind.Scalar;
            var granular = kind switch
            {
                NodeKind.Object => !shape.IsAtomicObject && !(IsEmpty(left) && IsEmpty(right)) && CompareMaps(left, right, shape, path),
                NodeKind.List => shape.EffectiveListKind() != ListKind.Atomic && !(IsEmpty(left) && IsEmpty(right)) && CompareLists(left, right, shape, path),
                _ => false,
            };
            if (!granular)
            {
                CompareLeaf(left, right, path);
                return;
            }
            if (!left.Present)
            {
                Added.Insert(path);
            }
            else if (!right.Present)
            {
                Removed.Insert(path);
            }
        }

        private void CompareLeaf(Slot left, Slot right, List<PathElement> path)
        {
            if (!left.Present)
            {
                Added.Insert(path);
            }
            else if (!right.Present)
            {
                Removed.Insert(path);
            }
            else if (!JsonValues.DeepEquals(left.Value, right.Value))
            {
                Modified.Insert(path);
            }
        }

        private bool CompareMaps(Slot left, Slot right, TypeShape shape, List<PathElement> path)
        {
            var lm = left.Value as JsonObject;
            var rm = right.Value as JsonObject;
            var names = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (name, _) in (IEnumerable<KeyValuePair<string, JsonNode?>>?)lm ?? [])
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
            foreach (var (name, _) in (IEnumerable<KeyValuePair<string, JsonNode?>>?)rm ?? [])
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
            foreach (var name in names)
            {
                path.Add(PathElement.Field(name));
                Compare(Slot.Field(lm, name), Slot.Field(rm, name), shape.Field(name), path);
                path.RemoveAt(path.Count - 1);
            }
            return true;
        }

        private bool CompareLists(Slot left, Slot right, TypeShape shape, List<PathElement> path)
        {
            var lhs = Index(left.Value as JsonArray, shape, path);
            var rhs = Index(right.Value as JsonArray, shape, path);
            var order = lhs.Order.Concat(rhs.Order.Where(e => !lhs.Items.ContainsKey(e))).ToList();
            foreach (var element in order)
            {
                var lItems = lhs.Items.GetValueOrDefault(element) ?? [];
                var rItems = rhs.Items.GetValueOrDefault(element) ?? [];
                path.Add(element);
                if ((lItems.Count >= 2 && rItems.Count > 0) || (lItems.Count > 0 && rItems.Count >= 2))
                {
                    Modified.Insert(path); // duplicates on a side: the element as a whole changed
                }
                else
                {
                    Compare(lItems.Count > 0 ? Slot.Of(lItems[0]) : Slot.Absent, rItems.Count > 0 ? Slot.Of(rItems[0]) : Slot.Absent, shape.Element, path);
                }
                path.RemoveAt(path.Count - 1);
            }
            return true;
        }

        private static bool IsEmpty(Slot slot) => slot.Value switch
        {
            JsonObject obj => obj.Count == 0,
            JsonArray array => array.Count == 0,
            _ => true,
        };

        private static (List<PathElement> Order, Dictionary<PathElement, List<JsonNode?>> Items) Index(JsonArray? array, TypeShape shape, List<PathElement> path)
        {
            var order = new List<PathElement>();
            var items = new Dictionary<PathElement, List<JsonNode?>>();
            for (var i = 0; i < (array?.Count ?? 0); i++)
            {
                var element = ListElements.ElementOf(array![i], shape, i, path);
                if (items.TryGetValue(element, out var list))
                {
                    list.Add(array[i]);
                }
                else
                {
                    items[element] = [array[i]];
                    order.Add(element);
                }
            }
            return (order, items);
        }
    }
}
