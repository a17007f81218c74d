using Microsoft.AspNetCore.Http;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Patching;
using Kubemate.Sandbox.Http;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Api;

public sealed partial class ResourceApi
{
    /// <summary>Hooks the simulation installs to answer pod/service proxy requests (e.g. proxy metrics).</summary>
    public IProxyBackend? ProxyBackend { get; set; }

    private async Task HandleScale(ApiRequest request)
    {
        var current = store.Get(request.Key(request.Info.Name)) ?? throw NotFound(request);
        var scale = ToScale(request, current.Object);
        if (request.Info.Verb == "get")
        {
            await ResponseWriter.WriteJson(request.Http, 200, scale);
            return;
        }
        var mediaType = RequestBody.MediaType(request.Http);
        var body = await RequestBody.ReadBytes(request.Http, options.MaxRequestBytes);
        var input = RequestBody.Parse(body, mediaType, options.MaxRequestBytes);
        JsonObject desired;
        try
        {
            desired = request.Info.Verb switch
            {
                "update" => input as JsonObject,
                "patch" => mediaType switch
                {
                    "application/json-patch+json" => JsonPatch.Apply(scale.CloneObject(), input!) as JsonObject,
                    _ => JsonMergePatch.Apply(scale.CloneObject(), input) as JsonObject,
                },
                _ => throw ApiError.MethodNotAllowed("scale supports get, update and patch"),
            } ?? throw ApiError.BadRequest("the body must be a Scale object");
        }
        catch (PatchException ex)
        {
            throw new ApiError(422, "Invalid", ex.Message);
        }
        var replicas = desired.GetLong("spec", "replicas");
        if (replicas is null or < 0)
        {
            throw ApiError.Invalid("autoscaling", "Scale", request.Info.Name,
                [new StatusCause("FieldValueInvalid", "spec.replicas: Invalid value: must be greater than or equal to 0", "spec.replicas")]);
        }
        var manager = request.FieldManager ?? ApiMachinery.FieldManagement.FieldManager.DefaultManagerFromUserAgent(request.UserAgent);
        await RetryOnConflict(desired.GetString("metadata", "resourceVersion") is null or "", async () =>
        {
            var target = store.Get(request.Key(request.Info.Name)) ?? throw NotFound(request);
            var next = target.Clone();
            SetReplicas(request, next, replicas.Value);
            var stored = ReplaceExisting(request with { Info = request.Info with { Subresource = "" } }, target, next, manager, "Update");
            await ResponseWriter.WriteJson(request.Http, 200, ToScale(request, stored));
        });
    }

    private static JsonObject ToScale(ApiRequest request, JsonObject obj)
    {
        var custom = request.Type.Custom;
        var specReplicas = custom?.ScaleSpecReplicasPath ?? ".spec.replicas";
        var statusReplicas = custom?.ScaleStatusReplicasPath ?? ".status.replicas";
        var selector = custom?.ScaleLabelSelectorPath is { } selectorPath
            ? obj.At(Path(selectorPath))?.GetValue<string>()
            : SelectorText(obj.At("spec", "selector"));
        var status = new JsonObject { ["replicas"] = obj.GetLong(Path(statusReplicas)) ?? 0 };
        if (selector is not null)
        {
            status["selector"] = selector;
        }
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = obj.Name(),
                ["namespace"] = obj.Namespace(),
                ["uid"] = obj.GetString("metadata", "uid"),
                ["resourceVersion"] = obj.GetString("metadata", "resourceVersion"),
                ["creationTimestamp"] = obj.GetString("metadata", "creationTimestamp"),
            },
            ["spec"] = new JsonObject { ["replicas"] = obj.GetLong(Path(specReplicas)) ?? 0 },
            ["status"] = status,
        };
    }

    private static void SetReplicas(ApiRequest request, JsonObject obj, long replicas)
    {
        var path = Path(request.Type.Custom?.ScaleSpecReplicasPath ?? ".spec.replicas");
        var parent = obj;
        foreach (var segment in path[..^1])
        {
            parent = parent.Obj(segment);
        }
        parent[path[^1]] = replicas;
    }

    private static string[] Path(string dotted) => dotted.TrimStart('.').Split('.');

    /// <summary>A label selector in its string form, as Scale.status.selector carries it.</summary>
    public static string? SelectorText(JsonNode? selector)
    {
        if (selector is not JsonObject obj)
        {
            return null;
        }
        var parts = new List<string>();
        var labels = obj["matchLabels"] is JsonObject ? JsonNav.StringMap(obj["matchLabels"]) : obj["matchExpressions"] is null ? JsonNav.StringMap(obj) : [];
        parts.AddRange(labels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        foreach (var expression in (obj["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = expression.GetString("key");
            var values = string.Join(",", (expression["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()));
            parts.Add(expression.GetString("operator") switch
            {
                "In" => $"{key} in ({values})",
                "NotIn" => $"{key} notin ({values})",
                "Exists" => key!,
                _ => $"!{key}",
            });
        }
        return string.Join(",", parts);
    }

    private async Task HandleLog(ApiRequest request)
    {
        var pod = store.Get(request.Key(request.Info.Name)) ?? throw NotFound(request);
        var container = request.Query["container"].FirstOrDefault()
            ?? (pod.Object.At("spec", "containers") as JsonArray)?.FirstOrDefault()?.GetString("name") ?? "";
        request.Http.Response.StatusCode = 200;
        request.Http.Response.ContentType = "text/plain";
        await request.Http.Response.WriteAsync(
            $"[kubemate sandbox] {request.Namespace}/{request.Info.Name} container \"{container}\" is simulated: it runs no process and writes no log.\n",
            request.Http.RequestAborted);
    }

    private async Task HandleProxy(ApiRequest request)
    {
        var target = store.Get(request.Key(PortlessName(request.Info.Name))) ?? throw ApiError.NotFound(request.Type.Group, request.Type.Plural, PortlessName(request.Info.Name));
        if (ProxyBackend is null || !await ProxyBackend.TryServe(request.Http, request.Type.Kind, target.Object, PortOf(request.Info.Name), request.Info.ProxyPath))
        {
            throw new ApiError(503, "ServiceUnavailable", $"no endpoint answers at {request.Info.Name}/{request.Info.ProxyPath} in the sandbox");
        }
    }

    private static string PortlessName(string name) => name.Split(':')[0];

    private static string? PortOf(string name) => name.Contains(':') ? name[(name.IndexOf(':') + 1)..] : null;
}

/// <summary>Answers proxied HTTP requests to simulated pods or services (the simulation registers one).</summary>
public interface IProxyBackend
{
    Task<bool> TryServe(Microsoft.AspNetCore.Http.HttpContext context, string kind, JsonObject target, string? port, string path);
}
