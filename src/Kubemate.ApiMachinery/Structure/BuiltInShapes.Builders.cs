namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    // The vocabulary of the Go API types' markers: +patchStrategy/+patchMergeKey (strategic merge patch) and
    // +listType/+listMapKey/+structType/+mapType (server-side apply). Fields left out are Unknown: objects merge
    // field by field and lists are atomic, which is also what an unmarked Go field means.

    private static TypeShape Struct(params (string Name, TypeShape Shape)[] fields) =>
        new() { Properties = Fields(fields) };

    /// <summary><c>+structType=atomic</c>: applied and owned as a whole.</summary>
    private static TypeShape AtomicStruct(params (string Name, TypeShape Shape)[] fields) =>
        new() { Properties = Fields(fields), IsAtomicObject = true };

    /// <summary><c>+mapType=atomic</c>: a string map owned as a whole by server-side apply (strategic merge still merges it).</summary>
    private static TypeShape AtomicMap() => new() { IsAtomicObject = true };

    /// <summary><c>+patchStrategy=retainKeys</c> on a struct that is a union: switching member clears the others.</summary>
    private static TypeShape RetainKeysStruct(params (string Name, TypeShape Shape)[] fields) =>
        new() { Properties = Fields(fields), PatchStrategy = "retainKeys" };

    /// <summary><c>+listType=atomic</c>: replaced whole by every kind of patch.</summary>
    private static TypeShape AtomicList() => new() { ListKind = ListKind.Atomic };

    /// <summary><c>+listType=set</c> without a patch strategy: a set for apply, replaced whole by strategic merge.</summary>
    private static TypeShape ApplySet() => new() { ListKind = ListKind.Set };

    /// <summary><c>+patchStrategy=merge</c> on scalars with <c>+listType=set</c>.</summary>
    private static TypeShape MergedSet() => new() { ListKind = ListKind.Set, PatchStrategy = "merge" };

    /// <summary>
    /// <c>+patchStrategy=merge +patchMergeKey=<paramref name="mergeKey"/></c> and <c>+listType=map</c> keyed by
    /// <paramref name="listMapKeys"/> (the merge key alone when none are given).
    /// </summary>
    private static TypeShape KeyedList(TypeShape element, string mergeKey, params string[] listMapKeys) =>
        new()
        {
            Items = element,
            ListKind = ListKind.Map,
            ListMapKeys = listMapKeys.Length == 0 ? [mergeKey] : listMapKeys,
            PatchMergeKey = mergeKey,
            PatchStrategy = "merge",
        };

    /// <summary>As <see cref="KeyedList"/> with <c>+patchStrategy=merge,retainKeys</c>, for lists of unions such as volumes.</summary>
    private static TypeShape KeyedListRetainingKeys(TypeShape element, string mergeKey) =>
        new()
        {
            Items = element,
            ListKind = ListKind.Map,
            ListMapKeys = [mergeKey],
            PatchMergeKey = mergeKey,
            PatchStrategy = "merge,retainKeys",
        };

    /// <summary><c>+listType=map</c> without a patch strategy: keyed for server-side apply, replaced by strategic merge.</summary>
    private static TypeShape ApplyKeyedList(TypeShape element, params string[] listMapKeys) =>
        new() { Items = element, ListKind = ListKind.Map, ListMapKeys = listMapKeys };

    /// <summary>Merged by <paramref name="mergeKey"/> in strategic merge patches but <c>+listType=atomic</c> for apply.</summary>
    private static TypeShape PatchKeyedAtomicList(TypeShape element, string mergeKey) =>
        new() { Items = element, ListKind = ListKind.Atomic, PatchMergeKey = mergeKey, PatchStrategy = "merge" };

    /// <summary>The usual status conditions: merged by <c>type</c>, keyed by <c>type</c>.</summary>
    private static TypeShape Conditions() => KeyedList(TypeShape.Unknown, "type");

    /// <summary>A top-level object: metadata, and spec/status when the kind has them.</summary>
    private static TypeShape Resource(TypeShape? spec = null, TypeShape? status = null, params (string Name, TypeShape Shape)[] others)
    {
        var fields = new List<(string, TypeShape)> { ("metadata", Meta.ObjectMeta) };
        if (spec is not null)
        {
            fields.Add(("spec", spec));
        }
        if (status is not null)
        {
            fields.Add(("status", status));
        }
        fields.AddRange(others);
        return Struct([.. fields]);
    }

    private static Dictionary<string, TypeShape> Fields((string Name, TypeShape Shape)[] fields) =>
        fields.ToDictionary(field => field.Name, field => field.Shape, StringComparer.Ordinal);
}
