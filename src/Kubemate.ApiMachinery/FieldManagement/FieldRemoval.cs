using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Removes the members of a field set from an object: each member goes with everything below it.</summary>
internal static class FieldRemoval
{
    public static JsonObject Remove(JsonObject obj, FieldSet toRemove, TypeShape shape) =>
        toRemove.IsEmpty ? (JsonObject)obj.DeepClone() : RemoveFromMap(obj, toRemove.RootNode, shape, []).Result;

    private static (JsonObject Result, bool Emptied) RemoveFromMap(JsonObject obj, FieldSet.Node node, TypeShape shape, List<PathElement> path)
    {
        var result = new JsonObject();
        foreach (var (name, value) in obj)
        {
            var element = PathElement.Field(name);
            if (node.Children is null || !node.Children.TryGetValue(element, out var child))
            {
                result[name] = value?.DeepClone();
                continue;
            }
            if (child.IsMember)
            {
                continue;
            }
            path.Add(element);
            var (kept, emptied) = RemoveBelow(value, child, shape.Field(name), path);
            path.RemoveAt(path.Count - 1);
            // A map or list emptied by the removal goes too, rather than staying behind as {} or [].
            if (!emptied)
            {
                result[name] = kept;
            }
        }
        return (result, result.Count == 0 && obj.Count > 0);
    }

    private static (JsonNode? Result, bool Emptied) RemoveBelow(JsonNode? value, FieldSet.Node node, TypeShape shape, List<PathElement> path)
    {
        switch (value)
        {
            case JsonObject obj when !shape.IsAtomicObject:
                return RemoveFromMap(obj, node, shape, path);
            case JsonArray array when shape.EffectiveListKind() != ListKind.Atomic:
                var result = new JsonArray();
                for (var i = 0; i < array.Count; i++)
                {
                    var element = ListElements.ElementOf(array[i], shape, i, path);
                    if (node.Children is null || !node.Children.TryGetValue(element, out var child))
                    {
                        result.Add(array[i]?.DeepClone());
                        continue;
                    }
                    if (child.IsMember)
                    {
                        continue;
                    }
                    path.Add(element);
                    result.Add(RemoveBelow(array[i], child, shape.Element, path).Result);
                    path.RemoveAt(path.Count - 1);
                }
                return (result, result.Count == 0 && array.Count > 0);
            default:
                return (value?.DeepClone(), false);
        }
    }
}
