using System.Net;
using System.Text.Json.Serialization;
using Kubemate.Cluster.Objects;

namespace Kubemate.Cluster.Apply;

/// <summary>The outcome for one object of a change set.</summary>
public sealed record ObjectResult(ObjectRef Object, ObjectOperation Operation, ObjectStatus Status, ObjectDiff? Diff, string? Reason = null)
{
    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];

    /// <summary>The HTTP status the server refused the object with (403 denied, 409 conflict, 422 invalid); null otherwise.</summary>
    [JsonConverter(typeof(JsonNumberEnumConverter<HttpStatusCode>))]
    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The object's resourceVersion when the change was planned; null when it did not exist.</summary>
    public string? ResourceVersion { get; init; }
}
