using System.Globalization;
using Kubemate.Application.Limits;
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
/// address for calls without one. The buckets are the <see cref="ChangeBudget"/> the console's changes draw on too.
/// Sign-in itself has its own throttle (<see cref="SignInThrottle"/>). An exhausted bucket answers 429 with
/// Retry-After and a problem naming the limit.
/// </summary>
internal static class MutationRateLimits
{
    public static IServiceCollection AddMutationRateLimits(this IServiceCollection services, RequestLimits limits)
    {
        var budget = new ChangeBudget(limits.MutationsPerMinute, limits.MutationBurst);
        services.AddSingleton(budget);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = budget.Limiter.WithTranslatedKey<HttpContext>(context => IsLimited(context.Request) ? PartitionKey(context) : ChangeBudget.Unlimited, leaveOpen: true);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, _) =>
            {
                var seconds = SessionApi.RetryAfterSeconds(budget.RetryAfter(rejected.Lease));
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
        context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? ChangeBudget.ForUser(name) : ChangeBudget.ForAddress(SourceAddress.Of(context));
}
