using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubemate.Schema.Validation;

internal sealed partial class ValueValidator
{
    private void CheckArray(JsonArray array, StructuralSchema schema, FieldPath path)
    {
        if (schema.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, path.Index(i));
            }
        }
        if (schema.MinItems is { } min && array.Count < min)
        {
            AddInvalid(path, JsonValue.Create((long)array.Count), string.Create(CultureInfo.InvariantCulture, $"{path} in body should have at least {min} items"));
        }
        if (schema.MaxItems is { } max && array.Count > max)
        {
            AddError(FieldError.TooMany(path.ToString(), array.Count, max));
        }
        if (schema.UniqueItems && array.Select(JsonSemantics.CanonicalKey).Distinct(StringComparer.Ordinal).Count() != array.Count)
        {
            AddInvalid(path, JsonValue.Create(string.Empty), $"{path} in body shouldn't contain duplicates");
        }
    }

    private void CheckObject(JsonObject obj, StructuralSchema schema, FieldPath path)
    {
        // As in the apiserver, a property-count violation is reported alone.
        if (schema.MinProperties is { } min && obj.Count < min)
        {
            AddInvalid(path, JsonValue.Create((long)obj.Count), string.Create(CultureInfo.InvariantCulture, $"{path} in body should have at least {min} properties"));
            return;
        }
        if (schema.MaxProperties is { } max && obj.Count > max)
        {
            AddError(FieldError.TooMany(path.ToString(), obj.Count, max));
            return;
        }

        foreach (var (key, value) in obj)
        {
            if (schema.Properties.ContainsKey(key))
            {
                continue;
            }
            if (schema.AdditionalPropertiesAllowed == false)
            {
                AddError(FieldError.Invalid(path.ToString(), key, $"{path.Child(key)} in body is a forbidden property"));
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Check(value, additional, path.Key(key));
            }
        }

        foreach (var (name, property) in schema.Properties)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                Check(value, property, path.Child(name));
            }
        }

        foreach (var name in schema.Required)
        {
            if (!obj.ContainsKey(name))
            {
                AddError(FieldError.Required(path.Child(name).ToString()));
            }
        }
    }
}
