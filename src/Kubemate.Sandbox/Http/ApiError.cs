using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.Sandbox.Http;

/// <summary>A failed request, answered as a Kubernetes <c>Status</c> object with the matching HTTP code.</summary>
public sealed class ApiError : Exception
{
    public ApiError(int code, string reason, string message, StatusDetails? details = null) : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }

    /// <summary>Kubernetes' StatusReason: NotFound, AlreadyExists, Conflict, Invalid, Forbidden…</summary>
    public string Reason { get; }

    public StatusDetails? Details { get; }

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.ToJson();
        }
        status["code"] = Code;
        return status;
    }

    public static ApiError NotFound(string group, string resource, string name) =>
        new(404, "NotFound", $"{Qualified(group, resource)} \"{name}\" not found", new StatusDetails(name, group, resource));

    public static ApiError AlreadyExists(string group, string resource, string name) =>
        new(409, "AlreadyExists", $"{Qualified(group, resource)} \"{name}\" already exists", new StatusDetails(name, group, resource));

    public static ApiError Conflict(string group, string resource, string name, string why) =>
        new(409, "Conflict", $"Operation cannot be fulfilled on {Qualified(group, resource)} \"{name}\": {why}", new StatusDetails(name, group, resource));

    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError MethodNotAllowed(string message) => new(405, "MethodNotAllowed", message);

    public static ApiError Forbidden(string group, string resource, string name, string message) =>
        new(403, "Forbidden", message, new StatusDetails(name, group, resource));

    public static ApiError Gone(string message) => new(410, "Expired", message);

    public static ApiError Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiError TooLarge(long limit) => new(413, "RequestEntityTooLarge", $"Request entity too large: limit is {limit}");

    public static ApiError UnsupportedMediaType(string contentType) =>
        new(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf (got \"{contentType}\")");

    /// <summary>422 Invalid with one cause per field, as the apiserver reports validation failures.</summary>
    public static ApiError Invalid(string group, string kind, string name, IReadOnlyList<StatusCause> causes)
    {
        var summary = string.Join(", ", causes.Select(c => c.Message));
        var message = $"{kind}.{(group.Length == 0 ? "" : group)} \"{name}\" is invalid: {(causes.Count == 1 ? summary : "[" + summary + "]")}";
        message = message.Replace($"{kind}. \"", $"{kind} \"", StringComparison.Ordinal);
        return new ApiError(422, "Invalid", message, new StatusDetails(name, group, null, kind, causes));
    }

    /// <summary>
    /// 422 Invalid from field violations, as the apiserver words it: the message names each field, each cause
    /// carries its field and the message without it (kubectl prints <c>field: message</c> from the causes).
    /// </summary>
    public static ApiError Invalid(string group, string kind, string name, IReadOnlyList<FieldViolation> violations) =>
        new(422, "Invalid", ValidationMessages.InvalidObject(kind, group, name, violations),
            new StatusDetails(name, group, null, kind, violations.Select(v => new StatusCause(v.CauseType, v.Body, v.Field)).ToList()));

    private static string Qualified(string group, string resource) => group.Length == 0 ? resource : $"{resource}.{group}";
}

public sealed record StatusCause(string Reason, string Message, string Field);

public sealed record StatusDetails(string? Name, string? Group, string? Resource, string? Kind = null, IReadOnlyList<StatusCause>? Causes = null)
{
    public JsonObject ToJson()
    {
        var details = new JsonObject();
        if (Name is not null)
        {
            details["name"] = Name;
        }
        if (!string.IsNullOrEmpty(Group))
        {
            details["group"] = Group;
        }
        details["kind"] = Kind ?? Resource;
        if (Causes is { Count: > 0 })
        {
            details["causes"] = new JsonArray(Causes.Select(c => (JsonNode)new JsonObject
            {
                ["reason"] = c.Reason,
                ["message"] = c.Message,
                ["field"] = c.Field,
            }).ToArray());
        }
        return details;
    }
}
