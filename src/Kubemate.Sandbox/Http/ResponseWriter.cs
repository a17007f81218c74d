using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Sandbox.Http;

/// <summary>Writes JSON bodies the way the apiserver does.</summary>
public static class ResponseWriter
{
    public static async Task WriteJson(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    public static async Task WriteBytes(HttpContext context, int status, byte[] json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(json, context.RequestAborted);
    }

    public static Task WriteError(HttpContext context, ApiError error) => WriteJson(context, error.Code, error.ToStatus());
}
