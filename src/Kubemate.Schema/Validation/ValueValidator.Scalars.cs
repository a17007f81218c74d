using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Schema.Formats;
using Kubemate.Schema.Formatting;

namespace Kubemate.Schema.Validation;

internal sealed partial class ValueValidator
{
    // Like the apiserver, only the first failing string constraint is reported.
    private void CheckString(string text, StructuralSchema schema, FieldPath path)
    {
        var length = schema.MaxLength is null && schema.MinLength is null ? 0 : text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            AddError(FieldError.TooLong(path.ToString(), max) with { BadValue = GoQuote.Quote(text) });
            return;
        }
        if (schema.MinLength is { } min && length < min)
        {
            AddInvalid(path, JsonValue.Create(text), string.Create(CultureInfo.InvariantCulture, $"{path} in body should be at least {min} chars long"));
            return;
        }
        if (schema.Pattern is { } pattern)
        {
            CheckPattern(text, schema, pattern, path);
        }
    }

    private void CheckPattern(string text, StructuralSchema schema, string pattern, FieldPath path)
    {
        if (schema.PatternRegex is not { } regex)
        {
            AddInvalid(path, JsonValue.Create(text), $"{path} in body should match '{pattern}, but pattern is invalid: {schema.PatternError}'");
            return;
        }
        bool matches;
        try
        {
            matches = regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            AddInvalid(path, JsonValue.Create(text), $"{path} in body should match '{pattern}', but matching timed out");
            return;
        }
        if (!matches)
        {
            AddInvalid(path, JsonValue.Create(text), $"{path} in body should match '{pattern}'");
        }
    }

    private void CheckFormat(string text, StructuralSchema schema, FieldPath path)
    {
        if (schema.CheckedFormat is { } format && FormatRegistry.IsStringFormat(format) && !FormatRegistry.Validates(format, text))
        {
            AddError(FieldError.TypeInvalid(path.ToString(), text, $"{path} in body must be of type {format}: {GoQuote.Quote(text)}"));
        }
    }

    // Integers are compared with the bound truncated to an integer, floats with the bound as is, as kube-openapi does.
    private void CheckNumber(NumberValue number, StructuralSchema schema, FieldPath path)
    {
        JsonNode value = number.IsInteger ? JsonValue.Create(number.Integer) : JsonValue.Create(number.Double);
        if (schema.MultipleOf is { } factor)
        {
            CheckMultipleOf(number, factor, path, value);
        }
        if (schema.Minimum is { } minimum)
        {
            var below = number.IsInteger
                ? (schema.ExclusiveMinimum ? number.Integer <= (long)minimum : number.Integer < (long)minimum)
                : (schema.ExclusiveMinimum ? number.Double <= minimum : number.Double < minimum);
            if (below)
            {
                var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
                AddInvalid(path, value, $"{path} in body should be {relation} {Bound(number, minimum)}");
            }
        }
        if (schema.Maximum is { } maximum)
        {
            var above = number.IsInteger
                ? (schema.ExclusiveMaximum ? number.Integer >= (long)maximum : number.Integer > (long)maximum)
                : (schema.ExclusiveMaximum ? number.Double >= maximum : number.Double > maximum);
            if (above)
            {
                var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
                AddInvalid(path, value, $"{path} in body should be {relation} {Bound(number, maximum)}");
            }
        }
    }

    private void CheckMultipleOf(NumberValue number, double factor, FieldPath path, JsonNode? value)
    {
        if (factor < 0)
        {
            AddInvalid(path, JsonValue.Create(factor), $"factor MultipleOf declared for {path} must be positive: {GoFormat.Float(factor)}");
            return;
        }
        if (number.IsInteger && factor >= 1)
        {
            var integerFactor = (long)factor;
            if (number.Integer % integerFactor != 0)
            {
                AddInvalid(path, value, string.Create(CultureInfo.InvariantCulture, $"{path} in body should be a multiple of {integerFactor}"));
            }
            return;
        }
        var quotient = factor < 1 ? 1 / factor * number.Double : number.Double / factor;
        if (Math.Floor(quotient) != quotient || Math.Abs(quotient) >= 9007199254740992d)
        {
            AddInvalid(path, value, $"{path} in body should be a multiple of {GoFormat.Float(factor)}");
        }
    }

    private static string Bound(NumberValue number, double bound) =>
        number.IsInteger ? ((long)bound).ToString(CultureInfo.InvariantCulture) : GoFormat.Float(bound);
}
