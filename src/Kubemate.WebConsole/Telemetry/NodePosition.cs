namespace Kubemate.WebConsole.Telemetry;

/// <summary>The centre of a node in the topology drawing, in SVG user units.</summary>
public readonly record struct NodePosition(double X, double Y);
