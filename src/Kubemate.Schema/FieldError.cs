using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;
using Kubemate.Schema.Formatting;

namespace Kubemate.Schema;

/// <summary>
/// One field-level problem, as apimachinery's <c>field.Error</c>: the field path as Kubernetes prints it
/// (<c>spec.routes[0].kind</c>), the error type and a detail. <see cref="Message"/> renders it like the apiserver:
/// <c>spec.routes[0].kind: Unsupported value: "Foo": supported values: "Rule"</c>.
/// </summary>
public sealed record FieldError(string Field, FieldErrorType Type, string Detail)
{
    /// <summary>The offending value printed as the apiserver prints it (<c>"Foo"</c>, <c>5</c>), or null when there is none.</summary>
    public string? BadValue { get; init; }

    /// <summary>The message without the field, as in a Status cause.</summary>
    public string Body
    {
        get
        {
            if (Type == FieldErrorType.UnknownField)
            {
                return Detail;
            }
            var body = Type.Text();
            if (!Type.OmitsValue() && BadValue is not null)
            {
                body += ": " + BadValue;
            }
            return Detail.Length == 0 ? body : body + ": " + Detail;
        }
    }

    /// <summary>The full message; unknown fields read as strict decoding prints them: <c>unknown field "spec.foo"</c>.</summary>
    public string Message => Type == FieldErrorType.UnknownField ? Detail : Field + ": " + Body;

    public override string ToString() => Message;

    public static FieldError Required(string field, string detail = "") => new(field, FieldErrorType.Required, detail);

    public static FieldError Forbidden(string field, string detail) => new(field, FieldErrorType.Forbidden, detail);

    public static FieldError Invalid(string field, JsonNode? value, string detail) =>
        new(field, FieldErrorType.Invalid, detail) { BadValue = GoFormat.BadValue(value) };

    public static FieldError Invalid(string field, string value, string detail) =>
        new(field, FieldErrorType.Invalid, detail) { BadValue = GoQuote.Quote(value) };

    public static FieldError TypeInvalid(string field, string value, string detail) =>
        new(field, FieldErrorType.TypeInvalid, detail) { BadValue = GoQuote.Quote(value) };

    public static FieldError NotSupported(string field, JsonNode? value, IEnumerable<string> supported)
    {
        var quoted = supported.Select(GoQuote.Quote).ToList();
        var detail = quoted.Count == 0 ? string.Empty : "supported values: " + string.Join(", ", quoted);
        return new FieldError(field, FieldErrorType.NotSupported, detail) { BadValue = GoFormat.BadValue(value) };
    }

    public static FieldError Duplicate(string field, JsonNode? value) =>
        new(field, FieldErrorType.Duplicate, string.Empty) { BadValue = GoFormat.BadValue(value) };

    /// <summary>A string longer than <c>maxLength</c> (apimachinery's <c>TooLongMaxLength</c>).</summary>
    public static FieldError TooLong(string field, long maxLength) =>
        new(field, FieldErrorType.TooLong, string.Create(CultureInfo.InvariantCulture, $"may not be longer than {maxLength}"));

    public static FieldError TooMany(string field, long actual, long max) =>
        new(field, FieldErrorType.TooMany, string.Create(CultureInfo.InvariantCulture, $"must have at most {max} items"))
        {
            BadValue = actual.ToString(CultureInfo.InvariantCulture),
        };

    public static FieldError NotFound(string field, JsonNode? value) =>
        new(field, FieldErrorType.NotFound, string.Empty) { BadValue = GoFormat.BadValue(value) };

    public static FieldError Internal(string field, string detail) => new(field, FieldErrorType.Internal, detail);

    /// <summary>A field the schema does not declare; <paramref name="field"/> is the pruned path (<c>spec.foo</c>).</summary>
    public static FieldError UnknownField(string field) =>
        new(field, FieldErrorType.UnknownField, "unknown field " + GoQuote.Quote(field));
}
