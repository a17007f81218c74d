using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Api;

/// <summary>
/// Drops <c>null</c> fields as decoding into the apiserver's typed structs does (kubectl sends e.g.
/// <c>creationTimestamp: null</c>). Built-in kinds lose every null field; custom resources only those in
/// metadata — elsewhere their schema decides (nullable fields keep null, others fail validation).
/// </summary>
public static class NullFields
{
    public static void Strip(JsonObject obj, bool everywhere)
    {
        if (everywhere)
        {
            StripRecursively(obj);
        }
        else if (obj["metadata"] is JsonObject metadata)
        {
            StripRecursively(metadata);
        }
    }

    private static void StripRecursively(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is null)
                    {
                        obj.Remove(key);
                    }
                    else
                    {
                        StripRecursively(value);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        StripRecursively(item);
                    }
                }
                break;
        }
    }
}
