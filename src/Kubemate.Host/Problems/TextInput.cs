using Kubemate.ApiMachinery.Json;
using Kubemate.Host.Auth;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Host.Problems;

/// <summary>
/// Refuses, before any endpoint binds it, an API request whose query or JSON body holds something that is not text
/// or a JSON member given twice (<see cref="QueryText"/>, <see cref="JsonText"/>): a 400 validation problem whose
/// <c>errors</c> names the parameter or member. The body is buffered (it is at most
/// <see cref="KubemateHost.MaxRequestBodyBytes"/>) so the endpoint reads it again.
/// </summary>
internal static class TextInput
{
    public static IApplicationBuilder UseTextInputChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!ApiProblems.IsApi(request))
        {
            await next(context);
            return;
        }
        var errors = new RequestErrors();
        QueryText.Check(request.QueryString.Value, errors);
        if (!errors.Any && request.HasJsonContentType())
        {
            request.EnableBuffering();
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            request.Body.Position = 0;
            if (JsonText.FindProblem(body.GetBuffer().AsSpan(0, (int)body.Length)) is { } problem)
            {
                errors.Add(problem.Path, problem.Reason);
            }
        }
        if (errors.Any)
        {
            await Problem.Validation(errors).ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
