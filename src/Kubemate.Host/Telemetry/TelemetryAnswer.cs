using Kubemate.Telemetry;
using Kubemate.Telemetry.Golden;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Telemetry;

/// <summary>The 200 body of every telemetry endpoint: status ok or partial, the backend's warnings, the window, the data.</summary>
public sealed record TelemetryAnswer<T>(TelemetryStatus Status, IReadOnlyList<string> Warnings, string Backend, TelemetryWindow Window, T Data);

/// <summary>Turns telemetry results into HTTP answers: 200 with <see cref="TelemetryAnswer{T}"/>, or 503 telemetry-unavailable.</summary>
public static class TelemetryResults
{
    /// <summary>The problem <c>type</c> of an unavailable backend.</summary>
    public const string UnavailableType = "urn:kubemate:problem:telemetry-unavailable";

    public static IResult From<T>(TelemetryResult<T> result, string backend, TelemetryWindow window)
    {
        if (result.HasValue)
        {
            return Results.Json(new TelemetryAnswer<T>(result.Status, result.Warnings, backend, window, result.Value!), TelemetryJson.Options);
        }
        var unavailable = result.Unavailable!;
        return Results.Json(new Dictionary<string, object?>
        {
            ["type"] = UnavailableType,
            ["title"] = "Telemetry unavailable",
            ["status"] = StatusCodes.Status503ServiceUnavailable,
            ["detail"] = unavailable.Message,
            ["reason"] = unavailable.Reason,
            ["errorType"] = unavailable.ErrorType,
            ["backendStatus"] = unavailable.HttpStatus,
            ["backend"] = backend,
        }, TelemetryJson.Options, "application/problem+json", StatusCodes.Status503ServiceUnavailable);
    }
}
