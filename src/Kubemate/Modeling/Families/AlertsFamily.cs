using System.CommandLine;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Alerts;

namespace Kubemate.Modeling.Families;

/// <summary><c>render alerts</c>: the alert rules for the edge gateway and the mesh, as one PrometheusRule.</summary>
internal sealed class AlertsFamily : IRenderFamily
{
    private readonly Option<string?> _name = Flags.Text("--name", "Name of the PrometheusRule (default: kubemate-alerts)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the PrometheusRule (default: monitoring)", "-n");
    private readonly Option<string[]> _labels = Flags.Many("--label", "Label the Prometheus rule selector matches, KEY=VALUE; repeatable");
    private readonly Option<bool> _noGateway = Flags.Switch("--no-gateway", "Leave out the edge gateway's alerts");
    private readonly Option<bool> _noMesh = Flags.Switch("--no-mesh", "Leave out the mesh's alerts");
    private readonly Option<string?> _gatewayNamespace = Flags.Text("--gateway-namespace", "Namespace of the edge gateway (default: traefik)");
    private readonly Option<string?> _meshNamespace = Flags.Text("--mesh-namespace", "Namespace of the mesh control plane (default: linkerd)");
    private readonly Option<string?> _errorRatio = Flags.Text("--error-ratio", "Alert when more than this share of a service's responses are 5xx (default: 0.05)");
    private readonly Option<string?> _p99 = Flags.Text("--p99-seconds", "Alert when a service's p99 latency exceeds this (default: 1)");
    private readonly Option<string?> _successRate = Flags.Text("--success-rate", "Alert when a workload's inbound success rate falls below this (default: 0.95)");

    public string Name => "alerts";

    public string Description => "Alert rules for the edge gateway and the mesh (PrometheusRule)";

    public IReadOnlyList<Option> Options => [_name, _namespace, _labels, _noGateway, _noMesh, _gatewayNamespace, _meshNamespace, _errorRatio, _p99, _successRate];

    public FamilyModels Build(FlagReader flags)
    {
        var defaults = new AlertRuleSet();
        var labels = flags.Pairs(_labels, "KEY=VALUE");
        var gateway = new TraefikAlertSettings();
        var mesh = new LinkerdAlertSettings();
        var rules = new AlertRuleSet
        {
            Metadata = new EdgeObjectMeta
            {
                Name = flags.Text(_name, fallback: defaults.Metadata.Name)!,
                Namespace = flags.Text(_namespace, fallback: defaults.Metadata.Namespace),
                Labels = labels.Count == 0 ? null : labels.ToDictionary(l => l.Key, l => l.Value),
            },
            Traefik = flags.Switch(_noGateway) ? null : gateway with
            {
                Namespace = flags.Text(_gatewayNamespace, fallback: gateway.Namespace)!,
                ServerErrorRatio = flags.Number(_errorRatio, gateway.ServerErrorRatio)!.Value,
                P99LatencySeconds = flags.Number(_p99, gateway.P99LatencySeconds)!.Value,
            },
            Linkerd = flags.Switch(_noMesh) ? null : mesh with
            {
                ControlPlaneNamespace = flags.Text(_meshNamespace, fallback: mesh.ControlPlaneNamespace)!,
                SuccessRateThreshold = flags.Number(_successRate, mesh.SuccessRateThreshold)!.Value,
            },
        };
        return new(ModelSet.FromModels(Name, rules));
    }
}
