using System.Net;
using System.Net.Sockets;
using Kubemate.Application.Limits;
using Kubemate.Cluster.Http;
using Kubemate.WebConsole.Resources;
using Microsoft.Extensions.Localization;

namespace Kubemate.WebConsole.Errors;

/// <summary>Turns an exception into a <see cref="ConsoleProblem"/>: never a stack trace, always a next step.</summary>
public static class ConsoleProblems
{
    public static ConsoleProblem Describe(Exception error, IStringLocalizer<ConsoleText> text, string cluster) => error switch
    {
        TooManyChangesException tooMany =>
            new(text["ErrorTooManyChangesTitle"], text["ErrorTooManyChangesDetail", tooMany.PerMinute, tooMany.Burst], text["ErrorTooManyChangesHint", tooMany.RetryAfterSeconds]),
        ClusterApiException { StatusCode: HttpStatusCode.Forbidden } denied =>
            new(text["ErrorForbiddenTitle"], denied.Message, text["ErrorForbiddenHint"]),
        ClusterApiException { StatusCode: HttpStatusCode.Unauthorized } expired =>
            new(text["ErrorUnauthorizedTitle"], expired.Message, text["ErrorUnauthorizedHint"]),
        ClusterApiException { StatusCode: HttpStatusCode.Conflict } conflict =>
            new(text["ErrorConflictTitle"], conflict.Message, text["ErrorConflictHint"]),
        ClusterApiException refused =>
            new(text["ErrorRefusedTitle"], refused.Message, text["ErrorRetryHint"]),
        _ when IsUnreachable(error) =>
            new(text["ErrorUnreachableTitle"], error.Message, text["ErrorUnreachableHint", cluster]),
        _ => new(text["ErrorUnexpectedTitle"], error.Message, text["ErrorRetryHint"]),
    };

    private static bool IsUnreachable(Exception error) => error switch
    {
        HttpRequestException or SocketException or TimeoutException => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => error.InnerException is not null && IsUnreachable(error.InnerException),
    };
}
