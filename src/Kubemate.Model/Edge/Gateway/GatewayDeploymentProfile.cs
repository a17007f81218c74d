using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Gateway;

/// <summary>How the edge gateway runs: replicas spread over nodes, disruption budget, autoscaling, resources and a dedicated node pool.</summary>
public sealed record GatewayDeploymentProfile : IValidatable
{
    /// <summary>The gateway's own admin entry point (ping and metrics); not exposed by the Service.</summary>
    public const int AdminPort = 9000;

    public const string AdminEntryPoint = "traefik";

    public string Name { get; init; } = "traefik";

    public string Namespace { get; init; } = "traefik";

    public string Image { get; init; } = "traefik:v3.7.9";

    /// <summary>Fixed replica count; ignored (left to the autoscaler) when <see cref="Autoscaling"/> is set.</summary>
    public int Replicas { get; init; } = 3;

    public AntiAffinityMode AntiAffinity { get; init; } = AntiAffinityMode.Required;

    public DisruptionBudget? Disruption { get; init; } = new() { MaxUnavailable = 1 };

    public AutoscalingBounds? Autoscaling { get; init; }

    public ContainerResources? Resources { get; init; } = new() { CpuRequest = "250m", MemoryRequest = "128Mi", MemoryLimit = "512Mi" };

    public IReadOnlyDictionary<string, string>? NodeSelector { get; init; }

    public IReadOnlyList<NodeToleration>? Tolerations { get; init; }

    public IReadOnlyList<GatewayPort> Ports { get; init; } = [new("web", 8000, 80), new("websecure", 8443, 443)];

    /// <summary><c>LoadBalancer</c>, <c>NodePort</c> or <c>ClusterIP</c>.</summary>
    public string ServiceType { get; init; } = "LoadBalancer";

    /// <summary>The service account the gateway reads its routes with (its RBAC comes with the gateway's install).</summary>
    public string ServiceAccountName { get; init; } = "traefik";

    /// <summary>Further static-configuration arguments, passed as written.</summary>
    public IReadOnlyList<string>? AdditionalArguments { get; init; }

    /// <summary>The replica count the gateway can fall to: the autoscaler's minimum, or the fixed count.</summary>
    public int SmallestReplicaCount => Autoscaling?.MinReplicas ?? Replicas;

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var problems = new List<ValidationProblem>();
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "name"), Name));
        problems.AddRange(EdgeChecks.LabelName(FieldPath.Child(path, "namespace"), Namespace));
        if (string.IsNullOrWhiteSpace(Image) || Image.Any(char.IsWhiteSpace))
        {
            problems.Add(new(FieldPath.Child(path, "image"), $"\"{Image}\" is not an image reference"));
        }
        if (Autoscaling is null && Replicas < 1)
        {
            problems.Add(new(FieldPath.Child(path, "replicas"), $"{Replicas} must be at least 1"));
        }
        if (Disruption is not null)
        {
            problems.AddRange(Disruption.Validate(FieldPath.Child(path, "disruption"), SmallestReplicaCount));
        }
        if (Autoscaling is not null)
        {
            problems.AddRange(Autoscaling.Validate(FieldPath.Child(path, "autoscaling")));
            if (Resources?.CpuRequest is null)
            {
                problems.Add(new(FieldPath.Child(FieldPath.Child(path, "resources"), "cpuRequest"), "is required for CPU autoscaling: utilisation is measured against the request"));
            }
        }
        if (Resources is not null)
        {
            problems.AddRange(Resources.Validate(FieldPath.Child(path, "resources")));
        }
        problems.AddRange(EdgeChecks.Labels(FieldPath.Child(path, "nodeSelector"), NodeSelector));
        problems.AddRange(EdgeChecks.Each(FieldPath.Child(path, "tolerations"), Tolerations));
        var portsPath = FieldPath.Child(path, "ports");
        if (Ports.Count == 0)
        {
            problems.Add(new(portsPath, "at least one port is required"));
        }
        problems.AddRange(EdgeChecks.Each(portsPath, Ports));
        problems.AddRange(EdgeChecks.Unique(portsPath, Ports.Select(p => p.Name), n => $"port name \"{n}\""));
        problems.AddRange(EdgeChecks.Unique(portsPath, Ports.Select(p => p.ContainerPort), p => $"container port {p}"));
        for (var i = 0; i < Ports.Count; i++)
        {
            if (Ports[i].ContainerPort == AdminPort || Ports[i].Name == AdminEntryPoint)
            {
                problems.Add(new(FieldPath.Index(portsPath, i), $"port {AdminPort} and the name \"{AdminEntryPoint}\" are taken by the gateway's admin entry point"));
            }
        }
        problems.AddRange(EdgeChecks.Unique(portsPath, Ports.Select(p => p.ServicePort), p => $"service port {p}"));
        if (ServiceType is not ("LoadBalancer" or "NodePort" or "ClusterIP"))
        {
            problems.Add(new(FieldPath.Child(path, "serviceType"), $"\"{ServiceType}\" is not LoadBalancer, NodePort or ClusterIP"));
        }
        problems.AddRange(EdgeChecks.ObjectName(FieldPath.Child(path, "serviceAccountName"), ServiceAccountName));
        return problems;
    }
}
