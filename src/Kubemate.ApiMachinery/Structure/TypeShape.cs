namespace Kubemate.ApiMachinery.Structure;

/// <summary>How a list is merged: replaced whole, merged as a set of scalars, or merged by key fields.</summary>
public enum ListKind
{
    Atomic,
    Set,
    Map,
}

/// <summary>
/// The merge-relevant shape of a JSON type: which fields are known, how lists merge (server-side apply's
/// <c>x-kubernetes-list-type</c>/<c>list-map-keys</c>, strategic merge's <c>patchStrategy</c>/<c>patchMergeKey</c>)
/// and whether maps are atomic. Built-in kinds get theirs from a registry, custom resources from their CRD schema.
/// A missing shape means "unknown": objects merge field by field, lists are atomic.
/// </summary>
public sealed class TypeShape
{
    public static readonly TypeShape Unknown = new();

    /// <summary>Known properties of an object type.</summary>
    public IReadOnlyDictionary<string, TypeShape> Properties { get; init; } = new Dictionary<string, TypeShape>();

    /// <summary>Value shape of a map (<c>additionalProperties</c>), when the object is a map.</summary>
    public TypeShape? MapValues { get; init; }

    /// <summary>Element shape, when this type is a list.</summary>
    public TypeShape? Items { get; init; }

    public ListKind ListKind { get; init; } = ListKind.Atomic;

    /// <summary>Keys that identify an element of a <see cref="ListKind.Map"/> list (server-side apply).</summary>
    public IReadOnlyList<string> ListMapKeys { get; init; } = [];

    /// <summary>Strategic merge patch merge key (e.g. <c>name</c> for containers, <c>containerPort</c> for ports).</summary>
    public string? PatchMergeKey { get; init; }

    /// <summary>Strategic merge patch strategy: <c>merge</c>, <c>replace</c>, <c>retainKeys</c> or <c>merge,retainKeys</c>.</summary>
    public string? PatchStrategy { get; init; }

    /// <summary><c>x-kubernetes-map-type: atomic</c> / <c>structType: atomic</c>: the object is owned and replaced whole.</summary>
    public bool IsAtomicObject { get; init; }

    /// <summary>The shape of a property or map value, or <see cref="Unknown"/>.</summary>
    public TypeShape Field(string name) =>
        Properties.TryGetValue(name, out var shape) ? shape : MapValues ?? Unknown;

    /// <summary>The shape of list elements, or <see cref="Unknown"/>.</summary>
    public TypeShape Element => Items ?? Unknown;
}
