using System.Net;
using System.Text.Json.Nodes;

namespace Kubemate.Cluster.Http;

/// <summary>A request the API server refused, with the Status it returned.</summary>
public sealed class ClusterApiException(HttpStatusCode statusCode, string reason, string message, IReadOnlyList<StatusCause> causes)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;

    /// <summary>The Status reason, e.g. <c>Conflict</c>, <c>Forbidden</c>, <c>Invalid</c>, <c>Expired</c>.</summary>
    public string Reason { get; } = reason;

    public IReadOnlyList<StatusCause> Causes { get; } = causes;

    /// <summary>Reads a Status body; falls back to the raw text when the body is not a Status.</summary>
    public static ClusterApiException FromStatus(HttpStatusCode statusCode, string body)
    {
        JsonObject? status = null;
        try
        {
            status = JsonNode.Parse(body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
        }
        if (status is null || (string?)status["kind"] != "Status")
        {
            return new ClusterApiException(statusCode, statusCode.ToString(), $"HTTP {(int)statusCode}: {body.Trim()}", []);
        }
        var causes = (status["details"]?["causes"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(c => new StatusCause((string?)c["reason"] ?? "", (string?)c["message"] ?? "", (string?)c["field"] ?? ""))
            .ToList();
        return new ClusterApiException(statusCode, (string?)status["reason"] ?? statusCode.ToString(), (string?)status["message"] ?? body, causes);
    }
}
