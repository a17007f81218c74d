using System.CommandLine;
using Kubemate.CommandLine;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Modeling;

namespace Kubemate.Commands.Families;

/// <summary><c>render gateway-profile</c>: how the edge gateway runs — replicas spread over nodes, disruption budget, autoscaling, resources, a dedicated node pool.</summary>
internal sealed class GatewayProfileFamily : IRenderFamily
{
    private static readonly string[] AntiAffinities = Enum.GetNames<AntiAffinityMode>();
    private static readonly string[] ServiceTypes = ["LoadBalancer", "NodePort", "ClusterIP"];

    private readonly Option<string?> _name = Flags.Text("--name", "Name of the gateway (default: traefik)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the gateway (default: traefik)", "-n");
    private readonly Option<string?> _image = Flags.Text("--image", "Gateway image (rewrite it for a private registry as needed)");
    private readonly Option<int?> _replicas = Flags.Integer("--replicas", "Fixed replica count (default: 3)", 1, 1000);
    private readonly Option<string?> _antiAffinity = Flags.Choice("--anti-affinity", "Keep replicas on different nodes: Required (default), Preferred or None", AntiAffinities);
    private readonly Option<int?> _minReplicas = Flags.Integer("--min-replicas", "Autoscale: at least this many replicas", 1, 1000);
    private readonly Option<int?> _maxReplicas = Flags.Integer("--max-replicas", "Autoscale: at most this many replicas", 1, 1000);
    private readonly Option<int?> _cpuTarget = Flags.Integer("--cpu-target", "Autoscale: target CPU utilisation in percent (default: 70)", 1, 100);
    private readonly Option<int?> _maxUnavailable = Flags.Integer("--max-unavailable", "Disruption budget: pods a node drain may take at once (default: 1)", 1, 1000);
    private readonly Option<string?> _cpuRequest = Flags.Text("--cpu-request", "CPU request (default: 250m)");
    private readonly Option<string?> _memoryRequest = Flags.Text("--memory-request", "Memory request (default: 128Mi)");
    private readonly Option<string?> _cpuLimit = Flags.Text("--cpu-limit", "CPU limit (default: none)");
    private readonly Option<string?> _memoryLimit = Flags.Text("--memory-limit", "Memory limit (default: 512Mi)");
    private readonly Option<string?> _serviceType = Flags.Choice("--service-type", "LoadBalancer (default), NodePort or ClusterIP", ServiceTypes);
    private readonly Option<FlagPair[]> _nodeSelector = Flags.Pairs("--node-selector", "Run on nodes with this label, KEY=VALUE; repeatable", "KEY=VALUE");
    private readonly Option<NodeToleration[]> _tolerations = Flags.Entries<NodeToleration>("--toleration", "Tolerate a taint, KEY=VALUE:EFFECT or KEY:EFFECT; repeatable", Toleration);

    public string Name => "gateway-profile";

    public string Description => "The edge gateway's workload: Deployment, Service, PodDisruptionBudget, HorizontalPodAutoscaler";

    public IReadOnlyList<Option> Options =>
        [_name, _namespace, _image, _replicas, _antiAffinity, _minReplicas, _maxReplicas, _cpuTarget, _maxUnavailable, _cpuRequest, _memoryRequest, _cpuLimit, _memoryLimit, _serviceType, _nodeSelector, _tolerations];

    public FamilyModels Build(FlagReader flags)
    {
        var defaults = new GatewayDeploymentProfile();
        var resources = defaults.Resources!;
        AutoscalingBounds? autoscaling = null;
        if (flags.IsGiven(_minReplicas) || flags.IsGiven(_maxReplicas) || flags.IsGiven(_cpuTarget))
        {
            var bounds = new AutoscalingBounds();
            autoscaling = new AutoscalingBounds
            {
                MinReplicas = flags.Value(_minReplicas, bounds.MinReplicas),
                MaxReplicas = flags.Value(_maxReplicas, bounds.MaxReplicas),
                CpuTargetPercent = flags.Value(_cpuTarget, bounds.CpuTargetPercent),
            };
        }
        var nodeSelector = flags.List(_nodeSelector);
        var profile = new GatewayDeploymentProfile
        {
            Name = flags.Text(_name, defaults.Name),
            Namespace = flags.Text(_namespace, defaults.Namespace),
            Image = flags.Text(_image, defaults.Image),
            Replicas = flags.Value(_replicas, defaults.Replicas),
            AntiAffinity = Enum.Parse<AntiAffinityMode>(flags.Text(_antiAffinity, defaults.AntiAffinity.ToString())),
            Autoscaling = autoscaling,
            Disruption = new DisruptionBudget { MaxUnavailable = flags.Value(_maxUnavailable, 1) },
            Resources = new ContainerResources
            {
                CpuRequest = flags.Value(_cpuRequest) ?? resources.CpuRequest,
                MemoryRequest = flags.Value(_memoryRequest) ?? resources.MemoryRequest,
                CpuLimit = flags.Value(_cpuLimit) ?? resources.CpuLimit,
                MemoryLimit = flags.Value(_memoryLimit) ?? resources.MemoryLimit,
            },
            ServiceType = flags.Text(_serviceType, defaults.ServiceType),
            NodeSelector = nodeSelector.Count == 0 ? null : nodeSelector.ToDictionary(p => p.Key, p => p.Value),
            Tolerations = flags.List(_tolerations) is { Count: > 0 } tolerations ? [.. tolerations] : null,
        };
        return new(ModelSet.FromModels(Name, profile));
    }

    /// <summary>A <c>--toleration</c> entry: <c>KEY=VALUE:EFFECT</c>, or <c>KEY:EFFECT</c> for any value.</summary>
    private static (NodeToleration? Value, string? Problem) Toleration(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0)
        {
            return (null, $"'{text}' is not KEY=VALUE:EFFECT or KEY:EFFECT");
        }
        var (taint, effect) = (text[..colon], text[(colon + 1)..]);
        var equals = taint.IndexOf('=');
        return (equals < 0
            ? new NodeToleration { Key = taint, Operator = "Exists", Effect = effect }
            : new NodeToleration { Key = taint[..equals], Value = taint[(equals + 1)..], Effect = effect }, null);
    }
}
