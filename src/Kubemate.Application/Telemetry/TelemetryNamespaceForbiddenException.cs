namespace Kubemate.Application.Telemetry;

/// <summary>The user asked for telemetry of a namespace whose pods they may not list; <see cref="Field"/> names the request's field.</summary>
public sealed class TelemetryNamespaceForbiddenException(string field, string ns)
    : Exception($"{field}: you may not list pods in namespace \"{ns}\", so its telemetry is not shown")
{
    public string Field { get; } = field;

    public string Namespace { get; } = ns;
}
