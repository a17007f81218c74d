namespace Kubemate.Commands.Families;

/// <summary>The families <c>kubemate render</c> offers, in the order help lists them. Each call makes fresh option instances.</summary>
public static class RenderFamilies
{
    public static IReadOnlyList<IRenderFamily> Create() =>
    [
        new SplitFamily(),
        new IntentFamily(),
        new RouteFamily(),
        new MiddlewareFamily(),
        new CertificateFamily(),
        new PkiFamily(),
        new GatewayProfileFamily(),
        new EgressFamily(),
        new AlertsFamily(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. Create().Select(f => f.Name)];
}
