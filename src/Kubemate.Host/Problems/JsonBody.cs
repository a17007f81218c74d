using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Problems;

/// <summary>Reads a request body as a JSON object; malformed JSON is a 400 naming the line and position.</summary>
public static class JsonBody
{
    public const long MaxBytes = 4 * 1024 * 1024;

    public static async Task<(JsonObject? Body, IResult? Problem)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (null, Problem.Field("body", $"must be at most {MaxBytes} bytes", StatusCodes.Status413PayloadTooLarge));
        }
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return (null, Problem.Field("body", $"must be JSON (Content-Type application/json), not {type}", StatusCodes.Status415UnsupportedMediaType));
        }
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException error)
        {
            return (null, Problem.Field("body", $"malformed JSON at line {(error.LineNumber ?? 0) + 1}, position {(error.BytePositionInLine ?? 0) + 1}"));
        }
        return node is JsonObject body
            ? (body, null)
            : (null, Problem.Field("body", node is null ? "is required: send a JSON object" : $"must be a JSON object, not {node.GetValueKind().ToString().ToLowerInvariant()}"));
    }

    /// <summary>A string member, or null when absent; a non-string is an error.</summary>
    public static string? String(JsonObject body, string field, RequestErrors errors, string? path = null)
    {
        var value = body[field];
        if (value is null)
        {
            return null;
        }
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            return v.GetValue<string>();
        }
        errors.Add(path ?? field, "must be a string");
        return null;
    }

    public static bool? Bool(JsonObject body, string field, RequestErrors errors)
    {
        var value = body[field];
        if (value is null)
        {
            return null;
        }
        if (value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }
        errors.Add(field, "must be true or false");
        return null;
    }

    public static int? Int(JsonObject body, string field, RequestErrors errors, int min, int max)
    {
        var value = body[field];
        if (value is null)
        {
            return null;
        }
        if (value is JsonValue v && v.TryGetValue<int>(out var number) && number >= min && number <= max)
        {
            return number;
        }
        errors.Add(field, $"must be an integer from {min} to {max}");
        return null;
    }

    /// <summary>Members the endpoint does not know are refused, so a typo is not silently ignored.</summary>
    public static void OnlyKnown(JsonObject body, RequestErrors errors, params string[] known)
    {
        foreach (var (name, _) in body)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add(name, $"unknown field; expected {string.Join(", ", known)}");
            }
        }
    }
}
