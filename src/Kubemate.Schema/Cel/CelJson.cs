using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Schema.Validation;

namespace Kubemate.Schema.Cel;

/// <summary>
/// Presents a JSON value to CEL as the apiserver does, typed by its structural schema: <c>number</c> as double,
/// <c>integer</c> as int, strings of format duration/date/date-time as durations and timestamps, objects with
/// properties as objects (absent fields are "no such key"), additionalProperties as maps. Objects and lists are
/// wrapped, not copied: a rule pays only for what it reads.
/// </summary>
internal static class CelJson
{
    public static object? ToCel(JsonNode? node, StructuralSchema? schema)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                return new JsonObjectMap(obj, schema);
            case JsonArray array:
                var items = new object?[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = new LazyElement(array[i], schema?.Items);
                }
                return new CelList(new LazyList(items), schema?.XListType);
            case JsonValue value:
                return Scalar(value, schema);
            default:
                return null;
        }
    }

    private static object? Scalar(JsonValue value, StructuralSchema? schema)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                var text = value.GetValue<string>();
                return schema?.Format switch
                {
                    "duration" when CelTime.TryParseDuration(text, out var duration) => duration,
                    "date-time" or "datetime" when CelTime.TryParseTimestamp(text, out var timestamp) => timestamp,
                    "date" when DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    _ => text,
                };
            case JsonValueKind.Number when NumberValue.TryRead(value, out var number):
                if (schema?.Type == "number" || !number.IsInteger)
                {
                    return number.Double;
                }
                return number.Integer;
            default:
                return null;
        }
    }

    /// <summary>A list element converted on first read.</summary>
    private sealed record LazyElement(JsonNode? Node, StructuralSchema? Schema);

    private sealed class LazyList(object?[] items) : IReadOnlyList<object?>
    {
        public int Count => items.Length;

        public object? this[int index]
        {
            get
            {
                if (items[index] is LazyElement lazy)
                {
                    items[index] = ToCel(lazy.Node, lazy.Schema);
                }
                return items[index];
            }
        }

        public IEnumerator<object?> GetEnumerator()
        {
            for (var i = 0; i < items.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class JsonObjectMap(JsonObject obj, StructuralSchema? schema) : CelMap
    {
        public override bool IsObject => schema is { Properties.Count: > 0 } || schema is { XEmbeddedResource: true };

        public override int Count => obj.Count;

        public override IEnumerable<object> Keys => obj.Select(entry => (object)entry.Key);

        public override bool TryGet(object key, out object? value)
        {
            value = null;
            if (key is not string name || !obj.TryGetPropertyValue(name, out var child))
            {
                return false;
            }
            StructuralSchema? childSchema = null;
            if (schema is not null && !schema.Properties.TryGetValue(name, out childSchema))
            {
                childSchema = schema.AdditionalProperties;
            }
            value = ToCel(child, childSchema);
            return true;
        }
    }
}
