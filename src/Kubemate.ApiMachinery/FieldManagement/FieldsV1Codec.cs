using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>Reads and writes the FieldsV1 JSON form of a <see cref="FieldSet"/>.</summary>
internal static class FieldsV1Codec
{
    private const string Self = ".";

    public static FieldSet Read(JsonNode? fieldsV1, string fieldName)
    {
        if (fieldsV1 is not JsonObject obj)
        {
            throw new FieldManagementException(fieldName, "FieldsV1 must be a JSON object");
        }
        var root = new FieldSet.Node();
        ReadChildren(obj, root, fieldName);
        return new FieldSet(root);
    }

    public static JsonObject Write(FieldSet.Node root)
    {
        var obj = new JsonObject();
        WriteChildren(root, obj);
        return obj;
    }

    // A key whose object is empty, or that holds ".", is a member; other keys inside are its children.
    private static void ReadChildren(JsonObject obj, FieldSet.Node node, string location)
    {
        foreach (var (key, value) in obj)
        {
            if (key == Self)
            {
                continue;
            }
            PathElement? element;
            try
            {
                element = PathElement.ParseFieldsV1Key(key);
            }
            catch (FormatException ex)
            {
                throw new FieldManagementException(location, ex.Message);
            }
            if (element is null)
            {
                continue; // a kind of element a later version may define: dropped, as the apiserver does
            }
            if (value is not JsonObject childObject)
            {
                throw new FieldManagementException(location, $"the value of \"{key}\" must be a JSON object");
            }
            var child = new FieldSet.Node();
            ReadChildren(childObject, child, location);
            child.IsMember = childObject.ContainsKey(Self) || child.Children is null;
            node.Children ??= new SortedDictionary<PathElement, FieldSet.Node>();
            node.Children[element] = node.Children.TryGetValue(element, out var existing) ? FieldSet.UnionNodes(existing, child) : child;
        }
    }

    private static void WriteChildren(FieldSet.Node node, JsonObject obj)
    {
        foreach (var (element, child) in node.Children ?? [])
        {
            var childObject = new JsonObject();
            if (child.Children is { Count: > 0 })
            {
                if (child.IsMember)
                {
                    childObject[Self] = new JsonObject();
                }
                WriteChildren(child, childObject);
            }
            obj[element.ToFieldsV1Key()] = childObject;
        }
    }
}
