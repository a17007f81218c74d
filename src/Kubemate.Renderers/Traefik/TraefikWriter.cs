using System.Text.Json.Nodes;
using Kubemate.Model.Edge;

namespace Kubemate.Renderers.Traefik;

/// <summary>
/// Writes the edge objects of a configuration exactly as modelled, without validating: the editor's YAML view and the
/// lossless read-back use it. Rendering for apply goes through <see cref="EdgeRenderer"/>, which validates first.
/// </summary>
public static class TraefikWriter
{
    public static IReadOnlyList<JsonObject> Write(EdgeConfiguration configuration) =>
    [
        .. configuration.TlsPolicies.Select(TlsOptionCodec.Write),
        .. configuration.Middlewares.Select(MiddlewareCodec.Write),
        .. configuration.Services.Select(EdgeServiceCodec.Write),
        .. configuration.Canaries.Select(c => EdgeServiceCodec.Write(c.ToEdgeService())),
        .. configuration.IngressRoutes.Select(IngressRouteCodec.Write),
    ];

    /// <summary>The edge objects followed by the objects carried through verbatim.</summary>
    public static IReadOnlyList<JsonObject> WriteWithPassthrough(EdgeConfiguration configuration) =>
        [.. Write(configuration), .. configuration.Passthrough.Select(o => (JsonObject)o.DeepClone())];
}
