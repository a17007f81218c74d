using System.Globalization;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>
/// The timeouts and retries a meshed caller's proxy applies to calls to a Service, from Linkerd's annotations on
/// the Service, overridden by those on an HTTPRoute whose parent it is: <c>timeout.linkerd.io/request</c> (else
/// <c>timeout.linkerd.io/response</c>), <c>retry.linkerd.io/http</c> (<c>5xx</c>, <c>gateway-error</c>, codes,
/// ranges), <c>retry.linkerd.io/grpc</c> (status names), <c>retry.linkerd.io/limit</c> (default 1) and
/// <c>retry.linkerd.io/timeout</c> (per try).
/// </summary>
public sealed record ResilienceSettings(double? TimeoutMs, IReadOnlyList<string> RetryOn, bool GrpcRetries, int RetryLimit, double? PerTryTimeoutMs)
{
    private static readonly Dictionary<int, string> GrpcNames = new()
    {
        [1] = "cancelled", [4] = "deadline-exceeded", [8] = "resource-exhausted", [13] = "internal", [14] = "unavailable",
    };

    public static ResilienceSettings For(ClusterView view, string ns, string service)
    {
        var annotations = new Dictionary<string, string>(view.Service(ns, service).Annotations());
        foreach (var route in TrafficSplitResolver.RoutesFor(view, ns, service))
        {
            foreach (var (key, value) in route.Annotations())
            {
                annotations[key] = value;
            }
        }
        var timeout = GoDuration.TryParseMs(annotations.GetValueOrDefault("timeout.linkerd.io/request"))
            ?? GoDuration.TryParseMs(annotations.GetValueOrDefault("timeout.linkerd.io/response"));
        var http = annotations.GetValueOrDefault("retry.linkerd.io/http");
        var grpc = annotations.GetValueOrDefault("retry.linkerd.io/grpc");
        var on = (http ?? grpc)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        var limit = int.TryParse(annotations.GetValueOrDefault("retry.linkerd.io/limit"), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : 1;
        return new ResilienceSettings(timeout, on, http is null && grpc is not null, on.Length == 0 ? 0 : limit,
            GoDuration.TryParseMs(annotations.GetValueOrDefault("retry.linkerd.io/timeout")));
    }

    /// <summary>Whether a failed attempt with this outcome is retried.</summary>
    public bool Retries(int statusCode, int? grpcStatus)
    {
        if (RetryOn.Count == 0)
        {
            return false;
        }
        if (GrpcRetries)
        {
            return grpcStatus is { } code && GrpcNames.TryGetValue(code, out var name) && RetryOn.Contains(name);
        }
        return RetryOn.Any(condition => condition switch
        {
            "5xx" => statusCode is >= 500 and <= 599,
            "gateway-error" => statusCode is 502 or 503 or 504,
            _ when condition.Contains('-') => Range(condition) is var (low, high) && statusCode >= low && statusCode <= high,
            _ => int.TryParse(condition, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code == statusCode,
        });
    }

    private static (int Low, int High) Range(string text)
    {
        var parts = text.Split('-');
        return parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var low) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var high)
            ? (low, high)
            : (1, 0);
    }
}
