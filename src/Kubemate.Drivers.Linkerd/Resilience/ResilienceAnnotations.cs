using System.Globalization;
using Kubemate.Model.Collections;
using Kubemate.Model.Resilience;

namespace Kubemate.Drivers.Linkerd.Resilience;

/// <summary>
/// Timeouts and retries as Linkerd 2.16+ annotations: <c>retry.linkerd.io/http</c> (<c>5xx</c>,
/// <c>gateway-error</c>, codes and ranges), <c>retry.linkerd.io/grpc</c>, <c>retry.linkerd.io/limit</c>,
/// <c>retry.linkerd.io/timeout</c>, <c>timeout.linkerd.io/request|response|idle</c>.
/// </summary>
internal static class ResilienceAnnotations
{
    public static Dictionary<string, string> For(ResiliencePolicy policy)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        if (policy.Retry is { } retry)
        {
            annotations[policy.Protocol == RouteProtocol.Grpc ? LinkerdNames.RetryGrpc : LinkerdNames.RetryHttp] = string.Join(",", retry.On);
            if (retry.Limit is int limit)
            {
                annotations[LinkerdNames.RetryLimit] = limit.ToString(CultureInfo.InvariantCulture);
            }
            if (retry.PerTryTimeout is not null)
            {
                annotations[LinkerdNames.RetryTimeout] = retry.PerTryTimeout;
            }
        }
        if (policy.Timeouts is { } timeouts)
        {
            Add(annotations, LinkerdNames.TimeoutRequest, timeouts.Request);
            Add(annotations, LinkerdNames.TimeoutResponse, timeouts.Response);
            Add(annotations, LinkerdNames.TimeoutIdle, timeouts.Idle);
        }
        return annotations;
    }

    public static bool AnyIn(IReadOnlyDictionary<string, string> annotations) => LinkerdNames.ResilienceAnnotations.Any(annotations.ContainsKey);

    /// <summary>The policy settings in a set of annotations; null with a reason when one cannot be read.</summary>
    public static (RouteProtocol Protocol, RetryPolicy? Retry, RouteTimeouts? Timeouts)? Read(IReadOnlyDictionary<string, string> annotations, out string reason)
    {
        reason = "";
        var http = annotations.GetValueOrDefault(LinkerdNames.RetryHttp);
        var grpc = annotations.GetValueOrDefault(LinkerdNames.RetryGrpc);
        if (http is not null && grpc is not null)
        {
            reason = "both HTTP and gRPC retries are set";
            return null;
        }
        var protocol = grpc is not null ? RouteProtocol.Grpc : RouteProtocol.Http;
        int? limit = null;
        if (annotations.TryGetValue(LinkerdNames.RetryLimit, out var limitText))
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                reason = $"{LinkerdNames.RetryLimit} '{limitText}' is not a number";
                return null;
            }
            limit = parsed;
        }
        var conditions = (http ?? grpc)?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToValueList();
        var perTry = annotations.GetValueOrDefault(LinkerdNames.RetryTimeout);
        RetryPolicy? retry = conditions is null && limit is null && perTry is null
            ? null
            : new RetryPolicy { On = conditions ?? [], Limit = limit, PerTryTimeout = perTry };
        var timeouts = new RouteTimeouts
        {
            Request = annotations.GetValueOrDefault(LinkerdNames.TimeoutRequest),
            Response = annotations.GetValueOrDefault(LinkerdNames.TimeoutResponse),
            Idle = annotations.GetValueOrDefault(LinkerdNames.TimeoutIdle),
        };
        return (protocol, retry, timeouts.IsEmpty ? null : timeouts);
    }

    private static void Add(Dictionary<string, string> annotations, string key, string? value)
    {
        if (value is not null)
        {
            annotations[key] = value;
        }
    }
}
