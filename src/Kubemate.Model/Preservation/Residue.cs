using System.Text.Json.Nodes;

namespace Kubemate.Model.Preservation;

/// <summary>
/// The difference between an object as read and the object a driver renders from the model it understood.
/// A residue mirrors the object's shape; its leaves are directives:
/// <list type="bullet">
/// <item><c>{"$value": v}</c> — a field the model does not know: always put back.</item>
/// <item><c>{"$was": r, "$value": v}</c> — the source wrote <c>v</c> where the model renders <c>r</c>
/// (e.g. another spelling of the same value): put <c>v</c> back only while the model still renders <c>r</c>,
/// so an edit made through the model wins. Without <c>$value</c> the field is removed.</item>
/// <item><c>{"$items": [...], "$append": [...]}</c> — per-element residues of an array (applied while the rendered
/// array has that length) and elements beyond the rendered ones (e.g. other rules), appended.</item>
/// </list>
/// Plain objects are nested residues.
/// </summary>
public static class Residue
{
    private const string Value = "$value";
    private const string Was = "$was";
    private const string Items = "$items";
    private const string Append = "$append";

    /// <summary>What <paramref name="original"/> has that <paramref name="rendered"/> lacks or spells differently; null when nothing.</summary>
    public static JsonObject? Compute(JsonObject original, JsonObject rendered)
    {
        var residue = new JsonObject();
        foreach (var (key, originalValue) in original)
        {
            if (!rendered.TryGetPropertyValue(key, out var renderedValue))
            {
                residue[key] = new JsonObject { [Value] = originalValue?.DeepClone() };
                continue;
            }
            var diff = Difference(originalValue, renderedValue);
            if (diff is not null)
            {
                residue[key] = diff;
            }
        }
        foreach (var (key, renderedValue) in rendered)
        {
            if (!original.ContainsKey(key))
            {
                residue[key] = new JsonObject { [Was] = renderedValue?.DeepClone() };
            }
        }
        return residue.Count == 0 ? null : residue;
    }

    /// <summary>Returns a copy of <paramref name="rendered"/> with <paramref name="residue"/> put back.</summary>
    public static JsonObject Apply(JsonObject rendered, JsonObject? residue)
    {
        var result = (JsonObject)rendered.DeepClone();
        if (residue is not null)
        {
            ApplyObject(result, residue);
        }
        return result;
    }

    private static JsonNode? Difference(JsonNode? original, JsonNode? rendered)
    {
        if (JsonNode.DeepEquals(original, rendered))
        {
            return null;
        }
        if (original is JsonObject originalObject && rendered is JsonObject renderedObject)
        {
            return Compute(originalObject, renderedObject);
        }
        if (original is JsonArray originalArray && rendered is JsonArray renderedArray && originalArray.Count >= renderedArray.Count)
        {
            var items = new JsonArray();
            var anyItem = false;
            for (var i = 0; i < renderedArray.Count; i++)
            {
                var item = Difference(originalArray[i], renderedArray[i]);
                anyItem |= item is not null;
                items.Add(item);
            }
            var result = new JsonObject();
            if (anyItem)
            {
                result[Items] = items;
            }
            if (originalArray.Count > renderedArray.Count)
            {
                result[Append] = new JsonArray(originalArray.Skip(renderedArray.Count).Select(n => n?.DeepClone()).ToArray());
            }
            return result;
        }
        return new JsonObject { [Was] = rendered?.DeepClone(), [Value] = original?.DeepClone() };
    }

    private static void ApplyObject(JsonObject target, JsonObject residue)
    {
        foreach (var (key, directive) in residue)
        {
            if (directive is not JsonObject directiveObject)
            {
                continue;
            }
            target.TryGetPropertyValue(key, out var current);
            var hasCurrent = target.ContainsKey(key);
            if (directiveObject.ContainsKey(Was))
            {
                if (hasCurrent && JsonNode.DeepEquals(current, directiveObject[Was]))
                {
                    if (directiveObject.TryGetPropertyValue(Value, out var replacement))
                    {
                        target[key] = replacement?.DeepClone();
                    }
                    else
                    {
                        target.Remove(key);
                    }
                }
            }
            else if (directiveObject.TryGetPropertyValue(Value, out var added))
            {
                if (!hasCurrent)
                {
                    target[key] = added?.DeepClone();
                }
            }
            else if (directiveObject.ContainsKey(Items) || directiveObject.ContainsKey(Append))
            {
                if (current is JsonArray array)
                {
                    ApplyArray(array, directiveObject);
                }
            }
            else if (current is JsonObject nested)
            {
                ApplyObject(nested, directiveObject);
            }
        }
    }

    private static void ApplyArray(JsonArray target, JsonObject directive)
    {
        if (directive[Items] is JsonArray items && items.Count == target.Count)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is not JsonObject itemResidue)
                {
                    continue;
                }
                if (target[i] is JsonObject element)
                {
                    ApplyObject(element, itemResidue);
                }
                else if (itemResidue.ContainsKey(Was) && JsonNode.DeepEquals(target[i], itemResidue[Was]) && itemResidue.TryGetPropertyValue(Value, out var replacement))
                {
                    target[i] = replacement?.DeepClone();
                }
            }
        }
        if (directive[Append] is JsonArray extra)
        {
            foreach (var element in extra)
            {
                target.Add(element?.DeepClone());
            }
        }
    }
}
