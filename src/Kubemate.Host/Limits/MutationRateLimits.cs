using System.Globalization;
using System.Threading.RateLimiting;
using Kubemate.Host.Api;
using Kubemate.Host.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Kubemate.Host.Limits;

/// <summary>
/// A token bucket per user for every mutating <c>/api/v1</c> call (POST, PUT, PATCH, DELETE; change sets, GitOps
/// export, mesh switches, audit verification, sign-out): partitioned by the signed-in user's name, or by the client
/// address for calls without one. Sign-in itself has its own throttle (<see cref="SignInThrottle"/>). An exhausted
/// bucket answers 429 with Retry-After and a problem naming the limit.
/// </summary>
internal static class MutationRateLimits
{
    public static IServiceCollection AddMutationRateLimits(this IServiceCollection services, RequestLimits limits)
    {
        // Refilled at most once a second (a timer per bucket), with as many tokens as the rate gives a period.
        var refill = TimeSpan.FromMinutes(1) / limits.MutationsPerMinute;
        if (refill < TimeSpan.FromSeconds(1))
        {
            refill = TimeSpan.FromSeconds(1);
        }
        var tokensPerRefill = (int)Math.Round(limits.MutationsPerMinute * refill.TotalMinutes);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsLimited(context.Request)
                ? RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = limits.MutationBurst,
                    TokensPerPeriod = tokensPerRefill,
                    ReplenishmentPeriod = refill,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter(""));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : refill;
                var seconds = SessionApi.RetryAfterSeconds(wait);
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many changes",
                    $"the limit of {limits.MutationsPerMinute} changing calls per minute (bursts of {limits.MutationBurst}) per user is reached; try again in {seconds} s"));
            };
        });
        return services;
    }

    private static bool IsLimited(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1")
        && (HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method))
        && !(HttpMethods.IsPost(request.Method) && request.Path.Equals("/api/v1/session"));

    private static string PartitionKey(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? "user:" + name : "address:" + SourceAddress.Of(context);
}
