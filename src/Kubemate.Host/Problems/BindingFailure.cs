using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Kubemate.ApiMachinery.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Kubemate.Host.Problems;

/// <summary>
/// Turns what the framework refused while binding a request (the JSON body, a query or header value) into a
/// validation problem whose <c>errors</c> key is the field's path: <c>body</c> for malformed JSON or a missing body,
/// <c>deletes[0].kind</c> for a wrong type, an unknown member or a missing required one, <c>limit</c> for a query value.
/// The host sets <c>RouteHandlerOptions.ThrowOnBadRequest</c> so these failures reach the exception handler.
/// </summary>
internal static partial class BindingFailure
{
    public static IResult From(HttpContext context, BadHttpRequestException error)
    {
        var errors = new RequestErrors();
        var status = error.StatusCode;
        if (error.InnerException is JsonException json)
        {
            var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var bodyType = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            Describe(json, bodyType is null ? null : options.GetTypeInfo(bodyType), options, errors);
        }
        else if (BindFailed().Match(error.Message) is { Success: true } bind)
        {
            errors.Add(bind.Groups["name"].Value, Expected(bind.Groups["type"].Value.TrimEnd('?')));
        }
        else if (status == StatusCodes.Status415UnsupportedMediaType)
        {
            errors.Add("body", $"must be JSON (Content-Type application/json), not {context.Request.ContentType}");
        }
        else if (status == StatusCodes.Status413PayloadTooLarge)
        {
            errors.Add("body", error.Message);
        }
        else if (error.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add("body", "is required: send a JSON object");
        }
        else
        {
            return Problem.Of(status, "Bad request", error.Message);
        }
        return status == StatusCodes.Status400BadRequest ? Problem.Validation(errors) : Problem.Validation(errors, status, "The request is invalid");
    }

    private static void Describe(JsonException error, JsonTypeInfo? root, JsonSerializerOptions options, RequestErrors errors)
    {
        var path = Segments(error.Path);
        if (TooDeep(error))
        {
            // The path of a too-deep body is as long as the limit: name the member of the body that holds it.
            var holder = path.Count == 0 || path[0].StartsWith('[') ? "body" : path[0];
            errors.Add(holder, $"is nested deeper than the limit of {JsonLimits.MaxDepth} levels (line {(error.LineNumber ?? 0) + 1}, position {(error.BytePositionInLine ?? 0) + 1})");
            return;
        }
        if (error.InnerException is JsonException)
        {
            errors.Add("body", $"malformed JSON at line {(error.LineNumber ?? 0) + 1}, position {(error.BytePositionInLine ?? 0) + 1}");
            return;
        }
        var target = root is null ? null : Walk(root, path, options);
        if (UnknownMember().Match(error.Message) is { Success: true })
        {
            var parent = root is null ? null : Walk(root, path[..^1], options);
            var known = parent?.Properties.Select(p => p.Name) ?? [];
            errors.Add(Join(path), $"unknown field; expected {string.Join(", ", known)}");
            return;
        }
        if (MissingRequired().Match(error.Message) is { Success: true } missing)
        {
            var names = Quoted().Matches(missing.Groups["names"].Value).Select(m => m.Groups[1].Value).ToList();
            if (names.Count == 0 && target is not null)
            {
                names = target.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToList();
            }
            foreach (var name in names)
            {
                errors.Add(Join([.. path, name]), "is required");
            }
            return;
        }
        if (path.Count == 0)
        {
            errors.Add("body", "must be a JSON object");
            return;
        }
        errors.Add(Join(path), target is null ? "has the wrong type" : Expected(target));
    }

    /// <summary>
    /// The reader's and the serializer's refusals of a body deeper than <see cref="JsonOptions"/>' MaxDepth
    /// (<see cref="JsonLimits.MaxDepth"/>) both name the depth and that limit; no other binding failure does.
    /// </summary>
    private static bool TooDeep(JsonException error)
    {
        var limit = JsonLimits.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new[] { error.Message, error.InnerException?.Message ?? "" }
            .Any(m => m.Contains("depth", StringComparison.OrdinalIgnoreCase) && m.Contains(limit, StringComparison.Ordinal));
    }

    /// <summary>The type the body's member at <paramref name="path"/> binds to, following properties and list elements.</summary>
    private static JsonTypeInfo? Walk(JsonTypeInfo root, IReadOnlyList<string> path, JsonSerializerOptions options)
    {
        var current = root;
        foreach (var segment in path)
        {
            Type? next = segment.StartsWith('[')
                ? current.ElementType
                : current.Properties.FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase))?.PropertyType;
            if (next is null)
            {
                return null;
            }
            current = options.GetTypeInfo(next);
        }
        return current;
    }

    private static string Expected(JsonTypeInfo info) => Expected(Nullable.GetUnderlyingType(info.Type) ?? info.Type, info.Kind);

    private static string Expected(Type type, JsonTypeInfoKind kind) => type switch
    {
        _ when type == typeof(string) => "must be a string",
        _ when type == typeof(bool) => "must be true or false",
        _ when type == typeof(int) || type == typeof(long) => "must be an integer",
        _ when type == typeof(DateTimeOffset) => "must be an RFC 3339 time such as 2026-01-31T12:00:00Z",
        _ when type.IsEnum => $"must be one of {string.Join(", ", Enum.GetNames(type))}",
        _ => kind switch
        {
            JsonTypeInfoKind.Enumerable => "must be an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "must be a JSON object",
            _ => "has the wrong type",
        },
    };

    /// <summary>The reason for a query or header value the framework could not parse, by the C# type it names.</summary>
    private static string Expected(string typeName) => typeName switch
    {
        "bool" or "Boolean" => "must be true or false",
        "int" or "Int32" or "long" or "Int64" => "must be an integer",
        "DateTimeOffset" => "must be an RFC 3339 time such as 2026-01-31T12:00:00Z",
        _ => $"must be a {typeName}",
    };

    private static List<string> Segments(string? path)
    {
        var segments = new List<string>();
        foreach (Match m in PathSegment().Matches(path ?? "$"))
        {
            segments.Add(m.Groups["index"].Success ? $"[{m.Groups["index"].Value}]" : m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["quoted"].Value);
        }
        return segments;
    }

    private static string Join(IEnumerable<string> segments) =>
        string.Concat(segments.Select((s, i) => i == 0 || s.StartsWith('[') ? s : "." + s));

    [GeneratedRegex("""\.(?<name>[A-Za-z0-9_$-]+)|\['(?<quoted>[^']*)'\]|\[(?<index>[0-9]+)\]""")]
    private static partial Regex PathSegment();

    [GeneratedRegex("could not be mapped to any .NET member")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("missing required properties including: (?<names>.*)$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^" ]+) (?<name>[^" ]+)" from""")]
    private static partial Regex BindFailed();
}
