using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kubemate.Tests.Cli.Operations;

/// <summary>
/// A tiny Kestrel app on loopback that answers like <c>kubemate serve</c>'s REST contract with canned bodies, and
/// records what the CLI sent, so the server-mode client is tested over real HTTP before (and besides) the real host.
/// </summary>
public sealed class ContractServer : IAsyncDisposable
{
    public const string Token = "contract-token";

    private readonly WebApplication _app;
    private readonly Dictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);

    private ContractServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>Each request as "METHOD path?query body".</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public static async Task<ContractServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = new ContractServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.Url = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a status and a body of the given type.</summary>
    public void Answer(string method, string path, int status, string body, string contentType = "application/json") =>
        _routes[$"{method} {path}"] = async context =>
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        };

    public void Problem(string method, string path, int status, string problemJson) => Answer(method, path, status, problemJson, "application/problem+json");

    /// <summary>Streams the events as <c>text/event-stream</c>, one block each, flushed one by one.</summary>
    public void Stream(string path, params string[] eventJson) =>
        _routes[$"GET {path}"] = async context =>
        {
            context.Response.ContentType = "text/event-stream";
            var id = 0;
            foreach (var data in eventJson)
            {
                await context.Response.WriteAsync($"id: {++id}\nevent: onboarding\ndata: {data}\n\n");
                await context.Response.Body.FlushAsync();
            }
        };

    /// <summary>Answers <paramref name="method"/> <paramref name="path"/> with a handler of the test's own.</summary>
    public void Route(string method, string path, Func<HttpContext, Task> handler) => _routes[$"{method} {path}"] = handler;

    private async Task HandleAsync(HttpContext context)
    {
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
        var resume = context.Request.Headers["Last-Event-ID"].ToString();
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString} {body}".TrimEnd() + (resume.Length > 0 ? $" Last-Event-ID={resume}" : ""));
        if (context.Request.Headers.Authorization.ToString() != $"Bearer {Token}")
        {
            context.Response.StatusCode = 401;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync("""{"title":"Unauthorized","status":401,"detail":"a bearer token is required"}""");
            return;
        }
        if (_routes.TryGetValue($"{context.Request.Method} {context.Request.Path}", out var route))
        {
            await route(context);
            return;
        }
        context.Response.StatusCode = 404;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
