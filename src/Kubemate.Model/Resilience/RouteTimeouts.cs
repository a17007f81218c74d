using System.Text.Json.Serialization;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Resilience;

/// <summary>Time limits for a request, as durations such as <c>2s</c>.</summary>
public sealed record RouteTimeouts
{
    /// <summary>The whole request-response exchange, retries included.</summary>
    public string? Request { get; init; }

    /// <summary>One backend response (Linkerd's response timeout).</summary>
    public string? Response { get; init; }

    /// <summary>How long a stream may be idle.</summary>
    public string? Idle { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Request is null && Response is null && Idle is null;

    public IEnumerable<ValidationProblem> Validate(string path)
    {
        var problems = DurationChecks.OptionalDuration(Request, FieldPath.Child(path, "request"))
            .Concat(DurationChecks.OptionalDuration(Response, FieldPath.Child(path, "response")))
            .Concat(DurationChecks.OptionalDuration(Idle, FieldPath.Child(path, "idle")))
            .ToList();
        if (IsEmpty)
        {
            problems.Add(new(path, "set at least one of request, response or idle, or leave timeouts out"));
        }
        return problems;
    }
}
