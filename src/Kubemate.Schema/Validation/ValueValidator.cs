using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Schema.Validation;

/// <summary>
/// The OpenAPI value validation the apiserver runs on custom resources (kube-openapi's schema validator): types,
/// nullable, enum, string, number, array and object constraints and the allOf/anyOf/oneOf/not junctors. All
/// problems are collected; messages read like the apiserver's.
/// </summary>
internal sealed partial class ValueValidator
{
    private readonly List<FieldError> errors = [];

    private ValueValidator()
    {
    }

    public static List<FieldError> Validate(JsonNode? value, StructuralSchema schema, FieldPath path)
    {
        var validator = new ValueValidator();
        validator.Check(value, schema, path);
        return validator.errors;
    }

    private void Check(JsonNode? value, StructuralSchema schema, FieldPath path)
    {
        var allowedTypes = AllowedTypes(schema);
        if (value is null)
        {
            if (allowedTypes.Length > 0 && !schema.Nullable)
            {
                AddTypeError(path, allowedTypes, "null");
            }
            CheckEnum(value, schema, path);
            return;
        }

        var actualType = JsonSemantics.TypeName(value);
        if (!CheckType(value, schema, path, allowedTypes, actualType))
        {
            CheckEnum(value, schema, path);
            return;
        }

        CheckJunctors(value, schema, path);
        if (JsonSemantics.IsString(value, out var text))
        {
            CheckString(text, schema, path);
            CheckFormat(text, schema, path);
        }
        else if (NumberValue.TryRead(value, out var number))
        {
            CheckNumber(number, schema, path);
        }
        else if (value is JsonArray array)
        {
            CheckArray(array, schema, path);
        }
        CheckEnum(value, schema, path);
        if (value is JsonObject obj)
        {
            CheckObject(obj, schema, path);
        }
    }

    private static string[] AllowedTypes(StructuralSchema schema) =>
        schema.XIntOrString ? ["integer", "string"] : schema.Type is { Length: > 0 } type ? [type] : [];

    // kube-openapi's type check, including its tolerance of integral floats for integers and integers for numbers.
    private bool CheckType(JsonNode value, StructuralSchema schema, FieldPath path, string[] allowedTypes, string actualType)
    {
        if (allowedTypes.Length == 0)
        {
            return true;
        }
        var floatAsInteger = actualType == "number" && NumberValue.TryRead(value, out var number)
            && Math.Abs(number.Double) < 9007199254740992d && Math.Floor(number.Double) == number.Double
            && allowedTypes.Contains("integer");
        var integerAsNumber = actualType == "integer" && allowedTypes.Contains("number");
        var typeMatches = allowedTypes.Contains(actualType) || floatAsInteger || integerAsNumber;
        var format = schema.CheckedFormat;

        if (actualType is not ("string" or "array") && !string.IsNullOrEmpty(format) && !typeMatches
            && format != JsonSemantics.GoFormatName(value))
        {
            AddError(FieldError.TypeInvalid(path.ToString(), JsonSemantics.GoFormatName(value),
                $"{path} in body must be of type {format}: {GoQuote.Quote(JsonSemantics.GoFormatName(value))}"));
            return false;
        }
        // The apiserver lets strings and lists through wherever a formatted non-numeric value is expected.
        if (!allowedTypes.Contains("number") && !allowedTypes.Contains("integer") && !string.IsNullOrEmpty(format)
            && actualType is "string" or "array")
        {
            return true;
        }
        if (!typeMatches)
        {
            AddTypeError(path, allowedTypes, actualType);
            return false;
        }
        return true;
    }

    private void AddTypeError(FieldPath path, string[] allowedTypes, string actualType) =>
        AddError(FieldError.TypeInvalid(path.ToString(), actualType,
            $"{path} in body must be of type {string.Join(",", allowedTypes)}: {GoQuote.Quote(actualType)}"));

    private void CheckEnum(JsonNode? value, StructuralSchema schema, FieldPath path)
    {
        if (schema.Enum is not { Count: > 0 } allowed)
        {
            return;
        }
        if (value is not null && allowed.Any(candidate => candidate is not null && JsonSemantics.SemanticEquals(value, candidate)))
        {
            return;
        }
        var supported = allowed.Select(candidate => JsonSemantics.IsString(candidate, out var text) ? text : JsonSemantics.GoJson(candidate));
        AddError(FieldError.NotSupported(path.ToString(), value, supported));
    }

    private void AddError(FieldError error) => errors.Add(error);

    private void AddInvalid(FieldPath path, JsonNode? value, string detail) => errors.Add(FieldError.Invalid(path.ToString(), value, detail));
}
