using System.Globalization;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Resilience;

/// <summary>
/// The failures a retry may react to. HTTP: <c>5xx</c>, <c>gateway-error</c> (502-504), <c>connect-failure</c>,
/// a status code such as <c>503</c>, or a range such as <c>500-504</c>. gRPC: only the status codes that are safe
/// to retry: <c>cancelled</c>, <c>deadline-exceeded</c>, <c>internal</c>, <c>resource-exhausted</c>, <c>unavailable</c>.
/// </summary>
public static class RetryConditions
{
    public const string ServerErrors = "5xx";
    public const string GatewayErrors = "gateway-error";
    public const string ConnectFailure = "connect-failure";

    public static readonly IReadOnlySet<string> HttpClasses = new HashSet<string>(StringComparer.Ordinal) { ServerErrors, GatewayErrors, ConnectFailure };

    public static readonly IReadOnlySet<string> RetryableGrpcCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        "cancelled", "deadline-exceeded", "internal", "resource-exhausted", "unavailable",
    };

    public static bool IsStatusCode(string condition) =>
        int.TryParse(condition, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 599;

    public static bool IsStatusRange(string condition) =>
        PortChecks.TryParseRange(condition, out var low, out var high) && low is >= 100 and <= 599 && high is >= 100 and <= 599 && low <= high;

    public static IEnumerable<ValidationProblem> Validate(string condition, RouteProtocol protocol, string path)
    {
        if (protocol == RouteProtocol.Grpc)
        {
            if (!RetryableGrpcCodes.Contains(condition))
            {
                yield return new(path, $"'{condition}' is not a retryable gRPC status (one of {string.Join(", ", RetryableGrpcCodes)})");
            }
            yield break;
        }
        if (!HttpClasses.Contains(condition) && !IsStatusCode(condition) && !IsStatusRange(condition))
        {
            yield return new(path, $"'{condition}' is not an HTTP retry condition (5xx, gateway-error, connect-failure, a status code such as 503, or a range such as 500-504)");
        }
    }
}
