using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Computes the field set an object sets (server-side apply's "to field set").</summary>
internal static class ObjectFieldSets
{
    public static FieldSet Of(JsonNode obj, TypeShape shape, bool rejectDuplicates)
    {
        var builder = new FieldSetBuilder();
        Walk(obj, shape, [], builder, rejectDuplicates);
        return builder.Build();
    }

    private static void Walk(JsonNode? value, TypeShape shape, List<PathElement> path, FieldSetBuilder set, bool rejectDuplicates)
    {
        switch (value)
        {
            case JsonObject obj:
                if (shape.ExpectsList())
                {
                    throw new FieldManagementException(FieldPath.Of(path).ToString(), "expected list, got object");
                }
                if (shape.IsAtomicObject)
                {
                    set.Insert(path);
                    return;
                }
                foreach (var (name, child) in obj)
                {
                    path.Add(PathElement.Field(name));
                    Walk(child, shape.Field(name), path, set, rejectDuplicates);
                    if (!shape.IsStructField(name))
                    {
                        set.Insert(path); // a map entry is owned itself, unlike a struct field
                    }
                    path.RemoveAt(path.Count - 1);
                }
                return;
            case JsonArray array:
                if (shape.ExpectsObject())
                {
                    throw new FieldManagementException(FieldPath.Of(path).ToString(), "expected object, got list");
                }
                if (shape.EffectiveListKind() == ListKind.Atomic)
                {
                    set.Insert(path);
                    return;
                }
                var seen = new HashSet<PathElement>();
                for (var i = 0; i < array.Count; i++)
                {
                    var element = ListElements.ElementOf(array[i], shape, i, path);
                    if (!seen.Add(element) && rejectDuplicates)
                    {
                        throw new FieldManagementException(FieldPath.Of(path).ToString(), $"duplicate entries for key {element}");
                    }
                    path.Add(element);
                    Walk(array[i], shape.Element, path, set, rejectDuplicates);
                    set.Insert(path);
                    path.RemoveAt(path.Count - 1);
                }
                return;
            case null:
                // null for a granular struct, map or list sets nothing; for a scalar or atomic value it is a value.
                if (shape.IsAtomicObject || (!shape.ExpectsObject() && (!shape.ExpectsList() || shape.EffectiveListKind() == ListKind.Atomic)))
                {
                    set.Insert(path);
                }
                return;
            default:
                if (shape.ExpectsObject() || shape.ExpectsList())
                {
                    throw new FieldManagementException(
                        FieldPath.Of(path).ToString(),
                        $"expected {(shape.ExpectsList() ? "list" : "object")}, got {ListElements.KindName(value)}");
                }
                set.Insert(path);
                return;
        }
    }
}
