namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// A path to a field, list element or map entry of an object. <see cref="ToString"/> gives the Kubernetes print
/// form used in apply conflicts, e.g. <c>.spec.template.spec.containers[name="app"].image</c>.
/// </summary>
public sealed class FieldPath : IEquatable<FieldPath>
{
    public static readonly FieldPath Root = new([]);

    private readonly PathElement[] elements;

    private FieldPath(PathElement[] elements) => this.elements = elements;

    public IReadOnlyList<PathElement> Elements => elements;

    public int Length => elements.Length;

    public static FieldPath Of(params PathElement[] elements) => new([.. elements]);

    public static FieldPath Of(IEnumerable<PathElement> elements) => new([.. elements]);

    /// <summary>A path made only of field names: <c>FieldPath.Fields("spec", "replicas")</c>.</summary>
    public static FieldPath Fields(params string[] names) => new([.. names.Select(PathElement.Field)]);

    public FieldPath Append(PathElement element) => new([.. elements, element]);

    public FieldPath Append(string fieldName) => Append(PathElement.Field(fieldName));

    public override string ToString() => string.Concat(elements.Select(e => e.ToString()));

    public bool Equals(FieldPath? other) => other is not null && elements.AsSpan().SequenceEqual(other.elements);

    public override bool Equals(object? obj) => obj is FieldPath other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var element in elements)
        {
            hash.Add(element);
        }
        return hash.ToHashCode();
    }
}
