using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Validation;
using Kubemate.Renderers.GatewayOps;
using Kubemate.Renderers.Tests.Support;

namespace Kubemate.Renderers.Tests.GatewayOps;

public class GatewayDeploymentRendererTests
{
    private static JsonObject Kind(IEnumerable<JsonObject> objects, string kind) => objects.Single(o => o["kind"]!.GetValue<string>() == kind);

    [Fact]
    public void The_highly_available_gateway_renders_as_its_golden_file()
    {
        Golden.Verify("gateway-ha", GatewayDeploymentRenderer.Render(SampleEdge.HighlyAvailableGateway));
    }

    [Fact]
    public void By_default_three_replicas_are_kept_on_different_nodes_with_a_disruption_budget_and_no_autoscaler()
    {
        var objects = GatewayDeploymentRenderer.Render(new GatewayDeploymentProfile());

        var deployment = Kind(objects, "Deployment");
        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<int>());
        var term = deployment["spec"]!["template"]!["spec"]!["affinity"]!["podAntiAffinity"]!["requiredDuringSchedulingIgnoredDuringExecution"]![0]!;
        Assert.Equal("kubernetes.io/hostname", term["topologyKey"]!.GetValue<string>());
        Assert.Equal("traefik", term["labelSelector"]!["matchLabels"]!["app.kubernetes.io/instance"]!.GetValue<string>());
        Assert.Equal(1, Kind(objects, "PodDisruptionBudget")["spec"]!["maxUnavailable"]!.GetValue<int>());
        Assert.DoesNotContain(objects, o => o["kind"]!.GetValue<string>() == "HorizontalPodAutoscaler");
    }

    [Fact]
    public void With_an_autoscaler_the_deployment_leaves_the_replica_count_to_it()
    {
        var objects = GatewayDeploymentRenderer.Render(SampleEdge.HighlyAvailableGateway);

        Assert.False(Kind(objects, "Deployment")["spec"]!.AsObject().ContainsKey("replicas"));
        var hpa = Kind(objects, "HorizontalPodAutoscaler");
        Assert.Equal("autoscaling/v2", hpa["apiVersion"]!.GetValue<string>());
        Assert.Equal((3, 9), (hpa["spec"]!["minReplicas"]!.GetValue<int>(), hpa["spec"]!["maxReplicas"]!.GetValue<int>()));
        Assert.Equal(65, hpa["spec"]!["metrics"]![0]!["resource"]!["target"]!["averageUtilization"]!.GetValue<int>());
    }

    [Fact]
    public void A_dedicated_node_pool_is_reached_by_node_selector_and_tolerations()
    {
        var pod = Kind(GatewayDeploymentRenderer.Render(SampleEdge.HighlyAvailableGateway), "Deployment")["spec"]!["template"]!["spec"]!;

        Assert.Equal("true", pod["nodeSelector"]!["node-role.bank.example/edge"]!.GetValue<string>());
        Assert.Equal(("dedicated", "edge", "NoSchedule"), (pod["tolerations"]![0]!["key"]!.GetValue<string>(), pod["tolerations"]![0]!["value"]!.GetValue<string>(), pod["tolerations"]![0]!["effect"]!.GetValue<string>()));
        Assert.Equal("500m", pod["containers"]![0]!["resources"]!["requests"]!["cpu"]!.GetValue<string>());
    }

    [Fact]
    public void Preferred_anti_affinity_spreads_without_blocking_scheduling()
    {
        var deployment = Kind(GatewayDeploymentRenderer.Render(new GatewayDeploymentProfile { AntiAffinity = AntiAffinityMode.Preferred }), "Deployment");

        var antiAffinity = deployment["spec"]!["template"]!["spec"]!["affinity"]!["podAntiAffinity"]!.AsObject();
        Assert.False(antiAffinity.ContainsKey("requiredDuringSchedulingIgnoredDuringExecution"));
        Assert.Equal(100, antiAffinity["preferredDuringSchedulingIgnoredDuringExecution"]![0]!["weight"]!.GetValue<int>());
        Assert.Equal(1, deployment["spec"]!["strategy"]!["rollingUpdate"]!["maxSurge"]!.GetValue<int>());
    }

    [Fact]
    public void The_service_exposes_the_entry_points_and_keeps_client_addresses()
    {
        var service = Kind(GatewayDeploymentRenderer.Render(new GatewayDeploymentProfile()), "Service")["spec"]!;

        Assert.Equal("LoadBalancer", service["type"]!.GetValue<string>());
        Assert.Equal("Local", service["externalTrafficPolicy"]!.GetValue<string>());
        Assert.Equal([("web", 80), ("websecure", 443)], service["ports"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["port"]!.GetValue<int>())));
    }

    [Fact]
    public void A_profile_that_would_block_drains_or_cannot_scale_is_rejected_with_every_problem()
    {
        var profile = new GatewayDeploymentProfile
        {
            Disruption = new DisruptionBudget { MinAvailable = 3 },
            Autoscaling = new AutoscalingBounds { MinReplicas = 3, MaxReplicas = 2, CpuTargetPercent = 150 },
            Resources = new ContainerResources { MemoryRequest = "lots" },
            Tolerations = [new NodeToleration { Key = "dedicated", Operator = "Exists", Value = "edge", Effect = "Sometimes" }],
            Ports = [new GatewayPort("web", 8000, 80), new GatewayPort("web", 70000, 80)],
        };

        var error = Assert.Throws<ModelValidationException>(() => GatewayDeploymentRenderer.Render(profile));

        string[] expected =
        [
            "disruption.minAvailable", "autoscaling.maxReplicas", "autoscaling.cpuTargetPercent", "resources.cpuRequest",
            "resources.memoryRequest", "tolerations[0].value", "tolerations[0].effect", "ports[1].containerPort", "ports[1]",
        ];
        Assert.All(expected, path => Assert.Contains(error.Problems, p => p.Path == path));
    }
}
