using System.Text.Json;
using System.Text.RegularExpressions;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>Turns a deserialization error into a problem with a field path and a reason a user can act on.</summary>
public static partial class JsonProblems
{
    public static ValidationProblem From(JsonException exception, string origin)
    {
        var path = origin + (exception.Path is { Length: > 1 } jsonPath && jsonPath.StartsWith('$') ? jsonPath[1..] : "");
        var message = exception.Message;
        if (UnmappedPattern().Match(message) is { Success: true } unmapped)
        {
            var field = unmapped.Groups[1].Value;
            return new(path.EndsWith("." + field, StringComparison.Ordinal) ? path : FieldPath.Child(path, field), "unknown field");
        }
        if (MissingPattern().Match(message) is { Success: true } missing)
        {
            return new(path, $"required field{(missing.Groups[1].Value.Contains(',') ? "s" : "")} missing: {missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal)}");
        }
        if (message.Contains("could not be converted to", StringComparison.Ordinal))
        {
            return new(path, $"has the wrong type (expected {Describe(ConvertedTypePattern().Match(message).Groups[1].Value)})");
        }
        if (NullPattern().IsMatch(message))
        {
            return new(path, "must not be null");
        }
        if (message.Contains("type discriminator", StringComparison.Ordinal) && DiscriminatorPattern().Match(message) is { Success: true } discriminator)
        {
            return new(FieldPath.Child(path, "type"), $"'{discriminator.Groups[1].Value}' is not a known type");
        }
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return new(path, at < 0 ? message : message[..at]);
    }

    private static string Describe(string clrType) => clrType switch
    {
        var t when t.Contains("Int", StringComparison.Ordinal) => "an integer",
        var t when t.Contains("Double", StringComparison.Ordinal) || t.Contains("Decimal", StringComparison.Ordinal) => "a number",
        var t when t.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        var t when t.Contains("String", StringComparison.Ordinal) && !t.Contains("[]", StringComparison.Ordinal) && !t.Contains('`') => "a string",
        var t when t.Contains("List", StringComparison.Ordinal) || t.Contains("[]", StringComparison.Ordinal) || t.Contains("Enumerable", StringComparison.Ordinal) => "a list",
        var t when t.Contains("Dictionary", StringComparison.Ordinal) => "a map",
        var t when t.Contains("Enum", StringComparison.Ordinal) || t.Contains("Mode", StringComparison.Ordinal) || t.Contains("Type", StringComparison.Ordinal) => "one of the allowed names",
        _ => "an object",
    };

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex("missing required properties including: (.*?)\\.( Path:|$)")]
    private static partial Regex MissingPattern();

    [GeneratedRegex("could not be converted to ([^ .]+(\\.[^ .]+)*)")]
    private static partial Regex ConvertedTypePattern();

    [GeneratedRegex("(doesn't allow|does not allow) (setting |getting )?null")]
    private static partial Regex NullPattern();

    [GeneratedRegex("discriminator (?:id )?'([^']*)'")]
    private static partial Regex DiscriminatorPattern();
}
