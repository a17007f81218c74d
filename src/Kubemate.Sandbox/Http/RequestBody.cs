using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Json;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Sandbox.Http;

/// <summary>Reads request bodies: size-limited, JSON or YAML, with errors worded as the apiserver words them.</summary>
public static class RequestBody
{
    /// <summary>Bodies this large are still read (and dropped) so the client hears the 413 instead of a reset connection.</summary>
    private const long DrainLimit = 64L * 1024 * 1024;

    public static async Task<byte[]> ReadBytes(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            await Drain(context);
            throw ApiError.TooLarge(limit);
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await Drain(context);
                throw ApiError.TooLarge(limit);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task Drain(HttpContext context)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total < DrainLimit && (read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            total += read;
        }
    }

    public static string MediaType(HttpContext context) =>
        (context.Request.ContentType ?? "application/json").Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>
    /// Parses a JSON or YAML document; anything else is 415, a malformed body or one nested deeper than
    /// <see cref="JsonLimits.MaxDepth"/> 400 (the apiserver answers 400 BadRequest to a body its decoder refuses,
    /// its own depth limit included). YAML aliases are counted as the copies they make: a YAML body may not expand
    /// to more than <paramref name="limit"/> bytes of JSON (413), so an alias bomb cannot get round the body limit.
    /// </summary>
    public static JsonNode? Parse(byte[] body, string mediaType, long limit)
    {
        if (body.Length == 0)
        {
            throw ApiError.BadRequest("the request body is empty");
        }
        if (mediaType == KubeProtobuf.MediaType)
        {
            try
            {
                return KubeProtobuf.Decode(body);
            }
            catch (FormatException ex)
            {
                throw ApiError.BadRequest($"the body of the request could not be decoded as protobuf: {ex.Message}");
            }
        }
        var yaml = mediaType is "application/yaml" or "application/apply-patch+yaml" or "text/yaml" or "application/x-yaml";
        var json = mediaType is "application/json" or "application/merge-patch+json" or "application/strategic-merge-patch+json" or "application/json-patch+json" or "*/*";
        if (!yaml && !json)
        {
            throw ApiError.UnsupportedMediaType(mediaType);
        }
        try
        {
            return yaml ? ParseYaml(body, limit) : JsonLimits.ParseInput(body);
        }
        catch (JsonException ex)
        {
            throw ApiError.BadRequest($"the body of the request could not be decoded as JSON: {ex.Message}");
        }
        catch (YamlFormatException ex)
        {
            throw ApiError.BadRequest($"the body of the request could not be decoded as YAML: {ex.Message}");
        }
    }

    public static JsonObject ParseObject(byte[] body, string mediaType, long limit) =>
        Parse(body, mediaType, limit) as JsonObject ?? throw ApiError.BadRequest("the request body must be a JSON object");

    private static JsonNode? ParseYaml(byte[] body, long limit)
    {
        // Every node and every value character of an alias-free YAML text costs at least one byte of the body, so
        // these limits never refuse a body that is not expanded by aliases; they stop an expansion early and cheaply.
        var limits = YamlLimits.Default with { MaxNodes = limit, MaxScalarCharacters = limit };
        var documents = YamlJson.ParseDocuments(YamlText.Decode(body), limits);
        if (documents.Count > 1)
        {
            throw new YamlFormatException($"expected one YAML document, found {documents.Count}");
        }
        var document = documents.Count == 0 ? null : documents[0];
        var expanded = document is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(document, JsonLimits.StoredSerializer).LongLength;
        if (expanded > limit)
        {
            throw new ApiError(413, "RequestEntityTooLarge",
                $"Request entity too large: limit is {limit}; the YAML body expands to {expanded} bytes of JSON (aliases count as the copies they make)");
        }
        return document;
    }
}
