namespace Kubemate.Model.Resilience;

public enum RouteProtocol
{
    Http,
    Grpc,
}
