namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Collects paths into a fresh tree; hand the tree over once with <see cref="Build"/>.</summary>
internal sealed class FieldSetBuilder
{
    private FieldSet.Node? root = new();

    /// <summary>Adds a path; the empty (root) path is not a field and is ignored.</summary>
    public void Insert(IReadOnlyList<PathElement> path)
    {
        var node = root ?? throw new InvalidOperationException("the builder has already been built");
        if (path.Count == 0)
        {
            return;
        }
        foreach (var element in path)
        {
            node.Children ??= new SortedDictionary<PathElement, FieldSet.Node>();
            if (!node.Children.TryGetValue(element, out var child))
            {
                child = new FieldSet.Node();
                node.Children[element] = child;
            }
            node = child;
        }
        node.IsMember = true;
    }

    public FieldSet Build()
    {
        var built = root ?? throw new InvalidOperationException("the builder has already been built");
        root = null;
        return new FieldSet(built);
    }
}
