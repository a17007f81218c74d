using Kubemate.Telemetry;
using Kubemate.Telemetry.Golden;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Kubemate.Host.Telemetry;

/// <summary>The 200 body of every telemetry endpoint: status ok or partial, the backend's warnings, the window, the data.</summary>
public sealed record TelemetryAnswer<T>(TelemetryStatus Status, IReadOnlyList<string> Warnings, string Backend, TelemetryWindow Window, T Data);

/// <summary>The 503 problem of an unavailable telemetry backend (<c>type</c> is <see cref="TelemetryResults.UnavailableType"/>).</summary>
public sealed record TelemetryUnavailableProblem(
    string Type,
    string Title,
    int Status,
    string Detail,
    UnavailableReason Reason,
    string? ErrorType,
    int? BackendStatus,
    string Backend);

/// <summary>Turns telemetry results into HTTP answers: 200 with <see cref="TelemetryAnswer{T}"/>, or 503 telemetry-unavailable.</summary>
public static class TelemetryResults
{
    /// <summary>The problem <c>type</c> of an unavailable backend.</summary>
    public const string UnavailableType = "urn:kubemate:problem:telemetry-unavailable";

    public static Results<JsonHttpResult<TelemetryAnswer<T>>, JsonHttpResult<TelemetryUnavailableProblem>> From<T>(TelemetryResult<T> result, string backend, TelemetryWindow window)
    {
        if (result.HasValue)
        {
            return TypedResults.Json(new TelemetryAnswer<T>(result.Status, result.Warnings, backend, window, result.Value!), TelemetryJson.Options);
        }
        var unavailable = result.Unavailable!;
        return TypedResults.Json(
            new TelemetryUnavailableProblem(UnavailableType, "Telemetry unavailable", StatusCodes.Status503ServiceUnavailable, unavailable.Message,
                unavailable.Reason, unavailable.ErrorType, unavailable.HttpStatus, backend),
            TelemetryJson.Options, "application/problem+json", StatusCodes.Status503ServiceUnavailable);
    }
}
