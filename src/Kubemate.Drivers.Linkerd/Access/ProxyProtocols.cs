using Kubemate.Model.Access;

namespace Kubemate.Drivers.Linkerd.Access;

/// <summary>Server <c>proxyProtocol</c> values.</summary>
internal static class ProxyProtocols
{
    private static readonly Dictionary<AppProtocol, string> Names = new()
    {
        [AppProtocol.Detect] = "unknown",
        [AppProtocol.Http1] = "HTTP/1",
        [AppProtocol.Http2] = "HTTP/2",
        [AppProtocol.Grpc] = "gRPC",
        [AppProtocol.Opaque] = "opaque",
        [AppProtocol.Tls] = "TLS",
    };

    public static string ToLinkerd(AppProtocol protocol) => Names[protocol];

    public static AppProtocol? FromLinkerd(string value) =>
        Names.FirstOrDefault(p => p.Value == value) is { Value: not null } found ? found.Key : null;
}
