using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>How server-side apply reads a <see cref="TypeShape"/>.</summary>
internal static class ShapeKinds
{
    /// <summary>The list kind that applies; a list-map without keys cannot be merged by key and is atomic.</summary>
    public static ListKind EffectiveListKind(this TypeShape shape) =>
        shape.ListKind == ListKind.Map && shape.ListMapKeys.Count == 0 ? ListKind.Atomic : shape.ListKind;

    /// <summary>The shape declares an object (struct fields or map values), so a value of it must be a JSON object.</summary>
    public static bool ExpectsObject(this TypeShape shape) => shape.Properties.Count > 0 || shape.MapValues is not null;

    /// <summary>The shape declares a list, so a value of it must be a JSON array.</summary>
    public static bool ExpectsList(this TypeShape shape) => shape.Items is not null || shape.ListKind != ListKind.Atomic;

    /// <summary>
    /// A key of an object is a struct field unless the object is declared a map (<c>MapValues</c>) and the key is
    /// not one of its listed properties. Shapes list only merge-relevant properties while the apiserver's typed
    /// schemas know every struct field, so an unlisted key of a struct (or of an unknown object) counts as a field.
    /// Struct fields are not owned themselves; map entries are.
    /// </summary>
    public static bool IsStructField(this TypeShape shape, string name) =>
        shape.MapValues is null || shape.Properties.ContainsKey(name);
}
