namespace Kubemate.WebConsole.Resources;

/// <summary>Marker for the telemetry pages' strings: <c>TelemetryText.resx</c> (English) and <c>TelemetryText.zh-CN.resx</c>.</summary>
public sealed class TelemetryText;
