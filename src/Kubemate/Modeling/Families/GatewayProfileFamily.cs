using System.CommandLine;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Families;

/// <summary><c>render gateway-profile</c>: how the edge gateway runs — replicas spread over nodes, disruption budget, autoscaling, resources, a dedicated node pool.</summary>
internal sealed class GatewayProfileFamily : IRenderFamily
{
    private static readonly string[] AntiAffinities = Enum.GetNames<AntiAffinityMode>();
    private static readonly string[] ServiceTypes = ["LoadBalancer", "NodePort", "ClusterIP"];

    private readonly Option<string?> _name = Flags.Text("--name", "Name of the gateway (default: traefik)");
    private readonly Option<string?> _namespace = Flags.Text("--namespace", "Namespace of the gateway (default: traefik)", "-n");
    private readonly Option<string?> _image = Flags.Text("--image", "Gateway image (rewrite it for a private registry as needed)");
    private readonly Option<string?> _replicas = Flags.Text("--replicas", "Fixed replica count (default: 3)");
    private readonly Option<string?> _antiAffinity = Flags.Text("--anti-affinity", "Keep replicas on different nodes: Required (default), Preferred or None");
    private readonly Option<string?> _minReplicas = Flags.Text("--min-replicas", "Autoscale: at least this many replicas");
    private readonly Option<string?> _maxReplicas = Flags.Text("--max-replicas", "Autoscale: at most this many replicas");
    private readonly Option<string?> _cpuTarget = Flags.Text("--cpu-target", "Autoscale: target CPU utilisation in percent (default: 70)");
    private readonly Option<string?> _maxUnavailable = Flags.Text("--max-unavailable", "Disruption budget: pods a node drain may take at once (default: 1)");
    private readonly Option<string?> _cpuRequest = Flags.Text("--cpu-request", "CPU request (default: 250m)");
    private readonly Option<string?> _memoryRequest = Flags.Text("--memory-request", "Memory request (default: 128Mi)");
    private readonly Option<string?> _cpuLimit = Flags.Text("--cpu-limit", "CPU limit (default: none)");
    private readonly Option<string?> _memoryLimit = Flags.Text("--memory-limit", "Memory limit (default: 512Mi)");
    private readonly Option<string?> _serviceType = Flags.Text("--service-type", "LoadBalancer (default), NodePort or ClusterIP");
    private readonly Option<string[]> _nodeSelector = Flags.Many("--node-selector", "Run on nodes with this label, KEY=VALUE; repeatable");
    private readonly Option<string[]> _tolerations = Flags.Many("--toleration", "Tolerate a taint, KEY=VALUE:EFFECT or KEY:EFFECT; repeatable");

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
                MinReplicas = flags.Integer(_minReplicas, 1, 1000, fallback: bounds.MinReplicas)!.Value,
                MaxReplicas = flags.Integer(_maxReplicas, 1, 1000, fallback: bounds.MaxReplicas)!.Value,
                CpuTargetPercent = flags.Integer(_cpuTarget, 1, 100, fallback: bounds.CpuTargetPercent)!.Value,
            };
        }
        var nodeSelector = flags.Pairs(_nodeSelector, "KEY=VALUE");
        var profile = new GatewayDeploymentProfile
        {
            Name = flags.Text(_name, fallback: defaults.Name)!,
            Namespace = flags.Text(_namespace, fallback: defaults.Namespace)!,
            Image = flags.Text(_image, fallback: defaults.Image)!,
            Replicas = flags.Integer(_replicas, 1, 1000, fallback: defaults.Replicas)!.Value,
            AntiAffinity = Enum.Parse<AntiAffinityMode>(flags.OneOf(_antiAffinity, AntiAffinities, defaults.AntiAffinity.ToString())!),
            Autoscaling = autoscaling,
            Disruption = new DisruptionBudget { MaxUnavailable = flags.Integer(_maxUnavailable, 1, 1000, fallback: 1) },
            Resources = new ContainerResources
            {
                CpuRequest = flags.Text(_cpuRequest, fallback: resources.CpuRequest),
                MemoryRequest = flags.Text(_memoryRequest, fallback: resources.MemoryRequest),
                CpuLimit = flags.Text(_cpuLimit, fallback: resources.CpuLimit),
                MemoryLimit = flags.Text(_memoryLimit, fallback: resources.MemoryLimit),
            },
            ServiceType = flags.OneOf(_serviceType, ServiceTypes, defaults.ServiceType)!,
            NodeSelector = nodeSelector.Count == 0 ? null : nodeSelector.ToDictionary(p => p.Key, p => p.Value),
            Tolerations = Tolerations(flags),
        };
        return new(ModelSet.FromModels(Name, profile));
    }

    private List<NodeToleration>? Tolerations(FlagReader flags)
    {
        var entries = flags.List(_tolerations);
        var tolerations = new List<NodeToleration>();
        for (var i = 0; i < entries.Count; i++)
        {
            var colon = entries[i].LastIndexOf(':');
            if (colon <= 0)
            {
                flags.Problems.Add(new(FieldPath.Index(_tolerations.Name, i), $"'{entries[i]}' is not KEY=VALUE:EFFECT or KEY:EFFECT"));
                continue;
            }
            var taint = entries[i][..colon];
            var equals = taint.IndexOf('=');
            tolerations.Add(equals < 0
                ? new NodeToleration { Key = taint, Operator = "Exists", Effect = entries[i][(colon + 1)..] }
                : new NodeToleration { Key = taint[..equals], Value = taint[(equals + 1)..], Effect = entries[i][(colon + 1)..] });
        }
        return tolerations.Count == 0 ? null : tolerations;
    }
}
