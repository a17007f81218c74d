using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.Traefik;

internal static class RouteBackendCodec
{
    public static JsonObject Write(RouteBackend backend)
    {
        var obj = new JsonObject { ["name"] = backend.Name };
        obj.Set("namespace", backend.Namespace).Set("kind", backend.Kind);
        if (backend.Port is { } port)
        {
            obj["port"] = port.Number is { } number ? JsonValue.Create(number) : JsonValue.Create(port.Name);
        }
        return obj.Set("weight", backend.Weight)
            .Set("scheme", backend.Scheme)
            .Set("passHostHeader", backend.PassHostHeader)
            .WithUnknown(backend.UnknownFields);
    }

    public static RouteBackend Read(JsonObject obj) => new()
    {
        Name = JsonTake.String(obj, "name") ?? "",
        Namespace = JsonTake.String(obj, "namespace"),
        Kind = JsonTake.String(obj, "kind"),
        Port = JsonTake.Int(obj, "port") is { } number ? BackendPort.Of(number) : JsonTake.String(obj, "port") is { } name ? BackendPort.Named(name) : null,
        Weight = JsonTake.Int(obj, "weight"),
        Scheme = JsonTake.String(obj, "scheme"),
        PassHostHeader = JsonTake.Bool(obj, "passHostHeader"),
        UnknownFields = JsonTake.Rest(obj),
    };

    public static JsonArray WriteAll(IEnumerable<RouteBackend> backends) => JsonMerge.Array(backends.Select(Write));

    public static IReadOnlyList<RouteBackend>? ReadAll(JsonObject parent, string key) =>
        JsonTake.Objects(parent, key)?.Select(Read).ToList();
}
