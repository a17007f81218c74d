namespace Kubemate.Telemetry.Exposition;

/// <summary>The text is not valid Prometheus exposition format; the message names the line and the reason.</summary>
public sealed class ExpositionFormatException(int line, string reason) : FormatException($"line {line}: {reason}")
{
    public int Line { get; } = line;
}
