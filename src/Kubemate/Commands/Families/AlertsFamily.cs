using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Alerts;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary><c>render alerts</c>: the alert rules for the edge gateway and the mesh, as one PrometheusRule.</summary>
internal sealed class AlertsFamily : IRenderFamily
{
    private readonly Option<string?> _name = Flags.Text("--name", "Name of the PrometheusRule (default: kubemate-alerts)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the PrometheusRule (default: monitoring)", "-n");
    private readonly Option<FlagPair[]> _labels = Flags.Pairs("--label", "Label the Prometheus rule selector matches, KEY=VALUE; repeatable", "KEY=VALUE");
    private readonly Option<bool> _noGateway = Flags.Switch("--no-gateway", "Leave out the edge gateway's alerts");
    private readonly Option<bool> _noMesh = Flags.Switch("--no-mesh", "Leave out the mesh's alerts");
    private readonly Option<string?> _gatewayNamespace = Flags.Text("--gateway-namespace", "Namespace of the edge gateway (default: traefik)");
    private readonly Option<string?> _meshNamespace = Flags.Text("--mesh-namespace", "Namespace of the mesh control plane (default: linkerd)");
    private readonly Option<double?> _errorRatio = Flags.Number("--error-ratio", "Alert when more than this share of a service's responses are 5xx (default: 0.05)");
    private readonly Option<double?> _p99 = Flags.Number("--p99-seconds", "Alert when a service's p99 latency exceeds this (default: 1)");
    private readonly Option<double?> _successRate = Flags.Number("--success-rate", "Alert when a workload's inbound success rate falls below this (default: 0.95)");

    public string Name => "alerts";

    public string Description => "Alert rules for the edge gateway and the mesh (PrometheusRule)";

    public IReadOnlyList<Option> Options => [_name, _namespace, _labels, _noGateway, _noMesh, _gatewayNamespace, _meshNamespace, _errorRatio, _p99, _successRate];

    public FamilyModels Build(FlagReader flags)
    {
        var defaults = new AlertRuleSet();
        var labels = flags.List(_labels);
        var gateway = new TraefikAlertSettings();
        var mesh = new LinkerdAlertSettings();
        var rules = new AlertRuleSet
        {
            Metadata = new EdgeObjectMeta
            {
                Name = flags.Text(_name, defaults.Metadata.Name),
                Namespace = flags.Value(_namespace) ?? defaults.Metadata.Namespace,
                Labels = labels.Count == 0 ? null : labels.ToDictionary(l => l.Key, l => l.Value),
            },
            Traefik = flags.Switch(_noGateway) ? null : gateway with
            {
                Namespace = flags.Text(_gatewayNamespace, gateway.Namespace),
                ServerErrorRatio = flags.Value(_errorRatio, gateway.ServerErrorRatio),
                P99LatencySeconds = flags.Value(_p99, gateway.P99LatencySeconds),
            },
            Linkerd = flags.Switch(_noMesh) ? null : mesh with
            {
                ControlPlaneNamespace = flags.Text(_meshNamespace, mesh.ControlPlaneNamespace),
                SuccessRateThreshold = flags.Value(_successRate, mesh.SuccessRateThreshold),
            },
        };
        return new(ModelSet.FromModels(Name, rules));
    }
}
