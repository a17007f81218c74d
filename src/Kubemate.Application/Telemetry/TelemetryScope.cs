namespace Kubemate.Application.Telemetry;

/// <summary>The namespaces whose telemetry a user may see: those where they may list pods; null means all of them.</summary>
public sealed record TelemetryScope(IReadOnlySet<string>? Namespaces)
{
    public static readonly TelemetryScope Everything = new((IReadOnlySet<string>?)null);

    public bool IsRestricted => Namespaces is not null;

    /// <summary>Whether workloads of <paramref name="ns"/> may be shown. Namespace-less ends (the unmeshed caller) always may.</summary>
    public bool Allows(string ns) => Namespaces is null || ns.Length == 0 || Namespaces.Contains(ns);
}
