using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Apply;
using Api = Kubemate.Client;

namespace Kubemate.Remote;

/// <summary>Turns a non-success answer of <c>kubemate serve</c> (problem+json, or anything else) into an <see cref="OperationException"/>.</summary>
public static class ServerProblem
{
    public static OperationException Read(HttpStatusCode status, string body, string request)
    {
        JsonObject? problem = null;
        try
        {
            problem = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
        }
        var title = Text(problem?["title"]);
        var detail = Text(problem?["detail"]);
        var message = (title, detail) switch
        {
            (not null, not null) when !detail.StartsWith(title, StringComparison.Ordinal) => $"{title}: {detail}",
            (_, not null) => detail,
            (not null, null) => title,
            _ => body.Trim().Length > 0 ? body.Trim() : $"{request}: HTTP {(int)status} {status}",
        };
        var errors = (problem?["errors"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => (IReadOnlyList<string>)(p.Value as JsonArray ?? []).Select(Text).OfType<string>().ToList());
        var conflicts = (problem?["conflicts"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(c => new FieldConflict(Text(c["field"]) ?? "", Text(c["manager"]) ?? "", Text(c["message"]) ?? ""))
            .ToList();
        var failure = status == HttpStatusCode.Conflict && conflicts.Count > 0 ? OperationFailure.Conflict : OperationFailures.ForStatus(status);
        return new OperationException(failure, message) { Errors = errors, Conflicts = conflicts, Objects = Objects(problem?["objects"] as JsonArray) };
    }

    private static List<ObjectResult>? Objects(JsonArray? objects)
    {
        try
        {
            return objects?.Deserialize<List<Api.ObjectResultView>>(ServerJson.Options) is { } views ? ServerModels.Objects(views) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
