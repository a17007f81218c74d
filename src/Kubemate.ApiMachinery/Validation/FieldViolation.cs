using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Validation;

/// <summary>
/// One field-level validation failure, as apimachinery's <c>field.Error</c>: the field path
/// (<c>metadata.labels</c>, <c>spec.containers[0].name</c>), the <see cref="ViolationType"/> and a detail.
/// <see cref="Message"/> renders it exactly as the apiserver does.
/// </summary>
public sealed record FieldViolation(string Field, string Type, string Detail)
{
    /// <summary>The offending value already rendered as the apiserver prints it (strings quoted), or null.</summary>
    public string? Value { get; init; }

    /// <summary>The message without the field, as in a Status cause: <c>Invalid value: "Foo_1": a lowercase …</c>.</summary>
    public string Body
    {
        get
        {
            var body = ViolationType.Describe(Type);
            if (!ViolationType.OmitsValue(Type))
            {
                body += ": " + (Value ?? "null");
            }
            return Detail.Length == 0 ? body : body + ": " + Detail;
        }
    }

    /// <summary>The full message: <c>metadata.name: Invalid value: "Foo_1": …</c>.</summary>
    public string Message => Field + ": " + Body;

    /// <summary>The Status cause reason, e.g. <c>FieldValueInvalid</c>.</summary>
    public string CauseType => ViolationType.CauseType(Type);

    public override string ToString() => Message;

    public static FieldViolation Required(string field, string detail = "") => new(field, ViolationType.Required, detail);

    public static FieldViolation Forbidden(string field, string detail) => new(field, ViolationType.Forbidden, detail);

    public static FieldViolation TooLong(string field, int maxBytes) =>
        new(field, ViolationType.TooLong, string.Create(CultureInfo.InvariantCulture, $"must have at most {maxBytes} bytes"));

    public static FieldViolation Invalid(string field, string value, string detail) =>
        new(field, ViolationType.Invalid, detail) { Value = GoQuote.Quote(value) };

    public static FieldViolation Invalid(string field, long value, string detail) =>
        new(field, ViolationType.Invalid, detail) { Value = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>An invalid structured value, rendered as compact JSON (strings quoted, null as <c>null</c>).</summary>
    public static FieldViolation Invalid(string field, JsonNode? value, string detail) =>
        new(field, ViolationType.Invalid, detail) { Value = Render(value) };

    public static FieldViolation NotSupported(string field, string value, IEnumerable<string> supported)
    {
        var quoted = supported.Select(GoQuote.Quote).ToList();
        var detail = quoted.Count == 0 ? "" : "supported values: " + string.Join(", ", quoted);
        return new FieldViolation(field, ViolationType.NotSupported, detail) { Value = GoQuote.Quote(value) };
    }

    public static FieldViolation Duplicate(string field, string value) =>
        new(field, ViolationType.Duplicate, "") { Value = GoQuote.Quote(value) };

    public static FieldViolation NotFound(string field, string value) =>
        new(field, ViolationType.NotFound, "") { Value = GoQuote.Quote(value) };

    internal static string Render(JsonNode? value) => value switch
    {
        null => "null",
        JsonValue scalar when scalar.TryGetValue<string>(out var text) => GoQuote.Quote(text),
        _ => value.ToJsonString(),
    };
}
