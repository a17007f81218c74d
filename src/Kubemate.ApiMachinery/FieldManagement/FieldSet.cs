using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// An immutable set of field paths, as held by one managedFields entry. Stored as a tree whose nodes are path
/// elements; a node is a member when its path itself is in the set (FieldsV1 <c>"."</c>, or a leaf <c>{}</c>).
/// </summary>
public sealed class FieldSet : IEquatable<FieldSet>
{
    public static readonly FieldSet Empty = new(new Node());

    private readonly Node root;

    internal FieldSet(Node root) => this.root = root;

    public bool IsEmpty => root.Children is null || root.Children.Count == 0;

    /// <summary>The member paths, in the apiserver's iteration order (at each level members first, then subtrees).</summary>
    public IReadOnlyList<FieldPath> Paths
    {
        get
        {
            var paths = new List<FieldPath>();
            CollectPaths(root, [], paths);
            return paths;
        }
    }

    public static FieldSet FromPaths(IEnumerable<FieldPath> paths)
    {
        var builder = new FieldSetBuilder();
        foreach (var path in paths)
        {
            builder.Insert(path.Elements);
        }
        return builder.Build();
    }

    /// <summary>Parses the FieldsV1 form (<c>{"f:spec":{"f:replicas":{}}}</c>).</summary>
    /// <exception cref="FieldManagementException">the document is not FieldsV1.</exception>
    public static FieldSet FromFieldsV1(JsonNode? fieldsV1) => FieldsV1Codec.Read(fieldsV1, "fieldsV1");

    /// <summary>Writes the FieldsV1 form exactly as the apiserver does: sorted keys, <c>"."</c> first.</summary>
    public JsonObject ToFieldsV1() => FieldsV1Codec.Write(root);

    /// <summary>
    /// Every field the object sets, as server-side apply counts them: scalar leaves, atomic lists and maps as a
    /// whole, list-map elements by their keys and set elements by value (each element also a member itself), and
    /// entries of declared maps as members; struct fields are only the path to what they hold.
    /// </summary>
    /// <exception cref="FieldManagementException">a list element lacks its key fields, or a value has the wrong kind for its shape.</exception>
    public static FieldSet FromObject(JsonNode obj, TypeShape shape) =>
        ObjectFieldSets.Of(obj, StandardObjectShape.Complete(shape), rejectDuplicates: false);

    public bool Contains(FieldPath path)
    {
        var node = Find(path.Elements);
        return node is not null && node.IsMember;
    }

    public FieldSet Union(FieldSet other) => new(UnionNodes(root, other.root));

    public FieldSet Intersection(FieldSet other) => new(Intersection(root, other.root) ?? new Node());

    /// <summary>Members of this set that are not members of <paramref name="other"/> (descendants are not implied).</summary>
    public FieldSet Difference(FieldSet other) => new(Difference(root, other.root) ?? new Node());

    /// <summary>Like <see cref="Difference"/>, but also drops every path that lies below a member of <paramref name="other"/>.</summary>
    public FieldSet RecursiveDifference(FieldSet other) => new(RecursiveDifference(root, other.root) ?? new Node());

    public bool Equals(FieldSet? other) => other is not null && NodesEqual(root, other.root);

    public override bool Equals(object? obj) => obj is FieldSet other && Equals(other);

    public override int GetHashCode() => ToFieldsV1().ToJsonString().GetHashCode(StringComparison.Ordinal);

    public override string ToString() => ToFieldsV1().ToJsonString();

    /// <summary>
    /// Marks as members the struct fields (not map entries, see <see cref="ShapeKinds.IsStructField"/>) that have descendants in
    /// the set, so that pruning a struct removes it whole when nothing in it is owned any more.
    /// </summary>
    internal FieldSet WithNamedFieldsAsMembers(TypeShape shape) => new(NamedFieldsAsMembers(root, shape));

    internal Node RootNode => root;

    private Node? Find(IReadOnlyList<PathElement> path)
    {
        var node = root;
        foreach (var element in path)
        {
            if (node.Children is null || !node.Children.TryGetValue(element, out var child))
            {
                return null;
            }
            node = child;
        }
        return node;
    }

    private static void CollectPaths(Node node, List<PathElement> prefix, List<FieldPath> paths)
    {
        if (node.Children is null)
        {
            return;
        }
        foreach (var (element, child) in node.Children)
        {
            if (child.IsMember)
            {
                paths.Add(FieldPath.Of([.. prefix, element]));
            }
        }
        foreach (var (element, child) in node.Children)
        {
            if (child.Children is { Count: > 0 })
            {
                prefix.Add(element);
                CollectPaths(child, prefix, paths);
                prefix.RemoveAt(prefix.Count - 1);
            }
        }
    }

    internal static Node UnionNodes(Node left, Node right)
    {
        var result = new Node { IsMember = left.IsMember || right.IsMember };
        if (left.Children is null && right.Children is null)
        {
            return result;
        }
        result.Children = new SortedDictionary<PathElement, Node>();
        foreach (var (element, child) in left.Children ?? [])
        {
            result.Children[element] = right.Children is not null && right.Children.TryGetValue(element, out var other) ? UnionNodes(child, other) : child;
        }
        foreach (var (element, child) in right.Children ?? [])
        {
            result.Children.TryAdd(element, child);
        }
        return result;
    }

    private static Node? Intersection(Node left, Node right)
    {
        var result = new Node { IsMember = left.IsMember && right.IsMember };
        if (left.Children is not null && right.Children is not null)
        {
            foreach (var (element, child) in left.Children)
            {
                if (right.Children.TryGetValue(element, out var other) && Intersection(child, other) is { } both)
                {
                    (result.Children ??= new SortedDictionary<PathElement, Node>())[element] = both;
                }
            }
        }
        return result.IsMember || result.Children is not null ? result : null;
    }

    private static Node? Difference(Node left, Node right)
    {
        var result = new Node { IsMember = left.IsMember && !right.IsMember };
        foreach (var (element, child) in left.Children ?? [])
        {
            var rest = right.Children is not null && right.Children.TryGetValue(element, out var other) ? Difference(child, other) : child;
            if (rest is not null)
            {
                (result.Children ??= new SortedDictionary<PathElement, Node>())[element] = rest;
            }
        }
        return result.IsMember || result.Children is not null ? result : null;
    }

    private static Node? RecursiveDifference(Node left, Node right)
    {
        var result = new Node { IsMember = left.IsMember && !right.IsMember };
        foreach (var (element, child) in left.Children ?? [])
        {
            Node? rest = child;
            if (right.Children is not null && right.Children.TryGetValue(element, out var other))
            {
                rest = other.IsMember ? null : RecursiveDifference(child, other);
            }
            if (rest is not null)
            {
                (result.Children ??= new SortedDictionary<PathElement, Node>())[element] = rest;
            }
        }
        return result.IsMember || result.Children is not null ? result : null;
    }

    private static Node NamedFieldsAsMembers(Node node, TypeShape shape)
    {
        var result = new Node { IsMember = node.IsMember };
        if (node.Children is null)
        {
            return result;
        }
        result.Children = new SortedDictionary<PathElement, Node>();
        foreach (var (element, child) in node.Children)
        {
            var childShape = element.Kind == PathElementKind.Field ? shape.Field(element.FieldName!) : shape.Element;
            var converted = NamedFieldsAsMembers(child, childShape);
            if (element.Kind == PathElementKind.Field && shape.IsStructField(element.FieldName!) && child.Children is { Count: > 0 })
            {
                converted.IsMember = true;
            }
            result.Children[element] = converted;
        }
        return result;
    }

    private static bool NodesEqual(Node left, Node right)
    {
        if (left.IsMember != right.IsMember || (left.Children?.Count ?? 0) != (right.Children?.Count ?? 0))
        {
            return false;
        }
        foreach (var (element, child) in left.Children ?? [])
        {
            if (!right.Children!.TryGetValue(element, out var other) || !NodesEqual(child, other))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A tree node. Never changed once its <see cref="FieldSet"/> exists; sets share unchanged subtrees.</summary>
    internal sealed class Node
    {
        public bool IsMember { get; set; }

        public SortedDictionary<PathElement, Node>? Children { get; set; }
    }
}
