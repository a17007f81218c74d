using System.Globalization;
using System.Text;

namespace Kubemate.Schema;

/// <summary>
/// An immutable field path printed as apimachinery's <c>field.Path</c>: children joined by dots, list indexes and
/// map keys in brackets (<c>spec.routes[0].kind</c>, <c>spec.labels[app]</c>).
/// </summary>
public sealed class FieldPath
{
    public static readonly FieldPath Empty = new(null, string.Empty);

    private readonly FieldPath? parent;
    private readonly string segment;

    private FieldPath(FieldPath? parent, string segment)
    {
        this.parent = parent;
        this.segment = segment;
    }

    /// <summary>A path starting with an already printed prefix such as <c>spec.versions[0].schema.openAPIV3Schema</c>.</summary>
    public static FieldPath Root(string printed) => string.IsNullOrEmpty(printed) ? Empty : new FieldPath(null, printed);

    public bool IsEmpty => parent is null && segment.Length == 0;

    public FieldPath Child(string name) => new(this, IsEmpty ? name : "." + name);

    public FieldPath Index(int index) => new(this, "[" + index.ToString(CultureInfo.InvariantCulture) + "]");

    public FieldPath Key(string key) => new(this, "[" + key + "]");

    public override string ToString()
    {
        if (parent is null)
        {
            return segment;
        }
        var parts = new Stack<string>();
        for (var path = this; path is not null; path = path.parent)
        {
            parts.Push(path.segment);
        }
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(part);
        }
        return builder.ToString();
    }
}
