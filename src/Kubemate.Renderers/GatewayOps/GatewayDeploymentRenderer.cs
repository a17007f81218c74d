using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.GatewayOps;

/// <summary>
/// The edge gateway's workload: a Deployment spread over nodes, its Service, a PodDisruptionBudget and, when asked,
/// a HorizontalPodAutoscaler (autoscaling/v2, CPU utilisation).
/// </summary>
public static class GatewayDeploymentRenderer
{
    private const string HostnameTopology = "kubernetes.io/hostname";

    /// <summary>The edge gateway: routes from the gateway CRDs, and from Ingresses (cert-manager's HTTP-01 solvers use them).</summary>
    public static IReadOnlyList<JsonObject> Render(GatewayDeploymentProfile profile)
    {
        ModelValidationException.ThrowIfInvalid(profile);
        return Render(profile, new GatewayWorkload { ProviderArguments = ["--providers.kubernetescrd=true", "--providers.kubernetesingress=true"] });
    }

    internal static IReadOnlyList<JsonObject> Render(GatewayDeploymentProfile profile, GatewayWorkload workload)
    {
        var objects = new List<JsonObject> { Deployment(profile, workload), Service(profile) };
        if (profile.Disruption is not null)
        {
            objects.Add(DisruptionBudget(profile, profile.Disruption));
        }
        if (profile.Autoscaling is not null)
        {
            objects.Add(Autoscaler(profile, profile.Autoscaling));
        }
        return objects;
    }

    private static JsonObject Deployment(GatewayDeploymentProfile profile, GatewayWorkload workload)
    {
        var deployment = KubeObject.Create("apps/v1", "Deployment", profile.Name, profile.Namespace, GatewayLabels.All(profile));
        var spec = new JsonObject();
        // With an autoscaler the replica count is its to own; writing it here would fight the autoscaler on every apply.
        if (profile.Autoscaling is null)
        {
            spec["replicas"] = profile.Replicas;
        }
        spec["selector"] = new JsonObject { ["matchLabels"] = JsonMerge.StringMap(GatewayLabels.Selector(profile)) };
        spec["strategy"] = Strategy(profile);
        spec["template"] = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["labels"] = JsonMerge.StringMap(GatewayLabels.All(profile)),
                ["annotations"] = new JsonObject
                {
                    ["prometheus.io/scrape"] = "true",
                    ["prometheus.io/port"] = GatewayDeploymentProfile.AdminPort.ToString(CultureInfo.InvariantCulture),
                    ["prometheus.io/path"] = "/metrics",
                },
            },
            ["spec"] = PodSpec(profile, workload),
        };
        deployment["spec"] = spec;
        return deployment;
    }

    // Required anti-affinity can leave no node free for a surge pod: then roll by replacing one pod at a time.
    private static JsonObject Strategy(GatewayDeploymentProfile profile) => new()
    {
        ["type"] = "RollingUpdate",
        ["rollingUpdate"] = profile.AntiAffinity == AntiAffinityMode.Required
            ? new JsonObject { ["maxUnavailable"] = 1, ["maxSurge"] = 0 }
            : new JsonObject { ["maxUnavailable"] = 0, ["maxSurge"] = 1 },
    };

    private static JsonObject PodSpec(GatewayDeploymentProfile profile, GatewayWorkload workload)
    {
        var volumes = new JsonArray(new JsonObject { ["name"] = "tmp", ["emptyDir"] = new JsonObject() });
        var mounts = new JsonArray(new JsonObject { ["name"] = "tmp", ["mountPath"] = "/tmp" });
        foreach (var (volume, mount) in workload.Volumes)
        {
            volumes.Add(volume.DeepClone());
            mounts.Add(mount.DeepClone());
        }
        var pod = new JsonObject
        {
            ["serviceAccountName"] = profile.ServiceAccountName,
            ["terminationGracePeriodSeconds"] = 60,
            ["securityContext"] = new JsonObject { ["seccompProfile"] = new JsonObject { ["type"] = "RuntimeDefault" } },
        };
        if (Affinity(profile) is { } affinity)
        {
            pod["affinity"] = affinity;
        }
        pod.Set("nodeSelector", profile.NodeSelector);
        if (profile.Tolerations is { Count: > 0 } tolerations)
        {
            pod["tolerations"] = JsonMerge.Array(tolerations.Select(Toleration));
        }
        pod["containers"] = new JsonArray(Container(profile, workload, mounts));
        pod["volumes"] = volumes;
        return pod;
    }

    private static JsonObject Container(GatewayDeploymentProfile profile, GatewayWorkload workload, JsonArray mounts)
    {
        var arguments = profile.Ports.Select(p => $"--entryPoints.{p.Name}.address=:{p.ContainerPort}/tcp")
            .Append($"--entryPoints.{GatewayDeploymentProfile.AdminEntryPoint}.address=:{GatewayDeploymentProfile.AdminPort}/tcp")
            .Concat(["--ping=true", "--metrics.prometheus=true", "--log.level=INFO"])
            .Concat(workload.ProviderArguments)
            .Concat(profile.AdditionalArguments ?? []);
        var ports = profile.Ports
            .Select(p => new JsonObject { ["name"] = p.Name, ["containerPort"] = p.ContainerPort, ["protocol"] = "TCP" })
            .Append(new JsonObject { ["name"] = GatewayDeploymentProfile.AdminEntryPoint, ["containerPort"] = GatewayDeploymentProfile.AdminPort, ["protocol"] = "TCP" });
        var container = new JsonObject
        {
            ["name"] = "traefik",
            ["image"] = profile.Image,
            ["args"] = new JsonArray(arguments.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["ports"] = JsonMerge.Array(ports),
        };
        if (workload.Environment.Count > 0)
        {
            container["env"] = JsonMerge.Array(workload.Environment.Select(e => e.DeepClone()));
        }
        container["readinessProbe"] = Probe(failureThreshold: 1);
        container["livenessProbe"] = Probe(failureThreshold: 3);
        if (profile.Resources is { } resources)
        {
            container["resources"] = new JsonObject()
                .Set("requests", Quantities(resources.CpuRequest, resources.MemoryRequest))
                .Set("limits", Quantities(resources.CpuLimit, resources.MemoryLimit));
        }
        container["securityContext"] = new JsonObject
        {
            ["allowPrivilegeEscalation"] = false,
            ["readOnlyRootFilesystem"] = true,
            ["runAsNonRoot"] = true,
            ["runAsUser"] = 65532,
            ["runAsGroup"] = 65532,
            ["capabilities"] = new JsonObject { ["drop"] = new JsonArray("ALL") },
        };
        container["volumeMounts"] = mounts;
        return container;
    }

    private static JsonObject Probe(int failureThreshold) => new()
    {
        ["httpGet"] = new JsonObject { ["path"] = "/ping", ["port"] = GatewayDeploymentProfile.AdminPort, ["scheme"] = "HTTP" },
        ["periodSeconds"] = 10,
        ["timeoutSeconds"] = 2,
        ["failureThreshold"] = failureThreshold,
    };

    private static JsonObject? Quantities(string? cpu, string? memory)
    {
        if (cpu is null && memory is null)
        {
            return null;
        }
        return new JsonObject().Set("cpu", cpu).Set("memory", memory);
    }

    private static JsonObject? Affinity(GatewayDeploymentProfile profile)
    {
        var selector = new JsonObject { ["matchLabels"] = JsonMerge.StringMap(GatewayLabels.Selector(profile)) };
        var term = new JsonObject { ["labelSelector"] = selector, ["topologyKey"] = HostnameTopology };
        return profile.AntiAffinity switch
        {
            AntiAffinityMode.Required => new JsonObject
            {
                ["podAntiAffinity"] = new JsonObject { ["requiredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(term) },
            },
            AntiAffinityMode.Preferred => new JsonObject
            {
                ["podAntiAffinity"] = new JsonObject
                {
                    ["preferredDuringSchedulingIgnoredDuringExecution"] = new JsonArray(new JsonObject { ["weight"] = 100, ["podAffinityTerm"] = term }),
                },
            },
            _ => null,
        };
    }

    private static JsonObject Toleration(NodeToleration toleration) =>
        new JsonObject().Set("key", toleration.Key).Set("operator", toleration.Operator).Set("value", toleration.Value).Set("effect", toleration.Effect);

    private static JsonObject Service(GatewayDeploymentProfile profile)
    {
        var service = KubeObject.Create("v1", "Service", profile.Name, profile.Namespace, GatewayLabels.All(profile));
        var spec = new JsonObject
        {
            ["type"] = profile.ServiceType,
            ["selector"] = JsonMerge.StringMap(GatewayLabels.Selector(profile)),
            ["ports"] = JsonMerge.Array(profile.Ports.Select(p => new JsonObject
            {
                ["name"] = p.Name,
                ["port"] = p.ServicePort,
                ["targetPort"] = p.Name,
                ["protocol"] = "TCP",
            })),
        };
        // Keeps the client's source address, which IP allow-lists and access logs need.
        if (profile.ServiceType is "LoadBalancer" or "NodePort")
        {
            spec["externalTrafficPolicy"] = "Local";
        }
        service["spec"] = spec;
        return service;
    }

    private static JsonObject DisruptionBudget(GatewayDeploymentProfile profile, DisruptionBudget budget)
    {
        var pdb = KubeObject.Create("policy/v1", "PodDisruptionBudget", profile.Name, profile.Namespace, GatewayLabels.All(profile));
        pdb["spec"] = new JsonObject()
            .Set("minAvailable", budget.MinAvailable)
            .Set("maxUnavailable", budget.MaxUnavailable)
            .Set("selector", new JsonObject { ["matchLabels"] = JsonMerge.StringMap(GatewayLabels.Selector(profile)) });
        return pdb;
    }

    private static JsonObject Autoscaler(GatewayDeploymentProfile profile, AutoscalingBounds bounds)
    {
        var hpa = KubeObject.Create("autoscaling/v2", "HorizontalPodAutoscaler", profile.Name, profile.Namespace, GatewayLabels.All(profile));
        hpa["spec"] = new JsonObject
        {
            ["scaleTargetRef"] = new JsonObject { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = profile.Name },
            ["minReplicas"] = bounds.MinReplicas,
            ["maxReplicas"] = bounds.MaxReplicas,
            ["metrics"] = new JsonArray(new JsonObject
            {
                ["type"] = "Resource",
                ["resource"] = new JsonObject
                {
                    ["name"] = "cpu",
                    ["target"] = new JsonObject { ["type"] = "Utilization", ["averageUtilization"] = bounds.CpuTargetPercent },
                },
            }),
        };
        return hpa;
    }
}
