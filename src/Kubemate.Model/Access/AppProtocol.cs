namespace Kubemate.Model.Access;

/// <summary>How the mesh should treat a port's traffic; Detect lets the proxy find out.</summary>
public enum AppProtocol
{
    Detect,
    Http1,
    Http2,
    Grpc,
    Opaque,
    Tls,
}
