using System.Text.Json.Nodes;
using Kubemate.Drivers.Istio;
using Kubemate.Drivers.Linkerd;
using Kubemate.Application.Onboarding;

namespace Kubemate.Application.Tests;

/// <summary>The pure rules of onboarding: which workload a pod belongs to, when a rollout is done, how each mesh's pods look.</summary>
public sealed class OnboardingRulesTests
{
    private readonly MeshInspector _linkerd = new(new LinkerdDriver());
    private readonly MeshInspector _istio = new(new IstioDriver());

    [Fact]
    public void A_pod_of_a_replica_set_belongs_to_the_deployment_named_before_its_template_hash()
    {
        Assert.Equal(new WorkloadKey("Deployment", "orders-api"), PodOwnership.WorkloadOf(Pod("ReplicaSet", "orders-api-7f9c6d5b4", "7f9c6d5b4")));
        Assert.Equal(new WorkloadKey("StatefulSet", "postgres"), PodOwnership.WorkloadOf(Pod("StatefulSet", "postgres", null)));
        Assert.Null(PodOwnership.WorkloadOf(Pod("ReplicaSet", "standalone", "abc")));
        Assert.Null(PodOwnership.WorkloadOf(Pod("Job", "nightly-1", null)));
    }

    [Fact]
    public void A_rollout_is_done_only_when_the_new_generation_is_observed_and_every_pod_is_ready_and_meshed()
    {
        var meshed = new[] { Meshed("a", "linkerd-proxy"), Meshed("b", "linkerd-proxy") };

        Assert.True(RolloutProgress.IsComplete(Deployment(observed: 3, updated: 2, ready: 2, total: 2), meshed, 3, enable: true, _linkerd));
        Assert.False(RolloutProgress.IsComplete(Deployment(observed: 2, updated: 2, ready: 2, total: 2), meshed, 3, enable: true, _linkerd));
        Assert.False(RolloutProgress.IsComplete(Deployment(observed: 3, updated: 2, ready: 2, total: 3), meshed, 3, enable: true, _linkerd));
        Assert.False(RolloutProgress.IsComplete(Deployment(observed: 3, updated: 2, ready: 2, total: 2), [meshed[0], Meshed("old", "app")], 3, enable: true, _linkerd));
        Assert.False(RolloutProgress.IsComplete(Deployment(observed: 3, updated: 2, ready: 2, total: 2), meshed, 3, enable: false, _linkerd));
    }

    [Fact]
    public void Each_mesh_is_recognised_by_its_own_proxy_container_and_switch()
    {
        var istioNamespace = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "shop", ["labels"] = new JsonObject { ["istio-injection"] = "enabled" } } };

        Assert.True(_istio.IsMeshed(Meshed("a", "istio-proxy")));
        Assert.False(_istio.IsMeshed(Meshed("a", "linkerd-proxy")));
        Assert.True(_istio.InjectionOf(istioNamespace));
        Assert.Null(_linkerd.InjectionOf(istioNamespace));
        Assert.Equal("1.24.3", _istio.ProxyVersion(Meshed("a", "istio-proxy", "docker.io/istio/proxyv2:1.24.3")));
    }

    [Fact]
    public void A_native_sidecar_counts_as_the_proxy()
    {
        var pod = new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "p" },
            ["spec"] = new JsonObject
            {
                ["initContainers"] = new JsonArray(new JsonObject { ["name"] = "linkerd-proxy", ["restartPolicy"] = "Always" }),
                ["containers"] = new JsonArray(new JsonObject { ["name"] = "app" }),
            },
        };

        Assert.True(_linkerd.IsMeshed(pod));
    }

    private static JsonObject Pod(string ownerKind, string ownerName, string? hash)
    {
        var labels = new JsonObject();
        if (hash is not null)
        {
            labels["pod-template-hash"] = hash;
        }
        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["name"] = "p",
                ["labels"] = labels,
                ["ownerReferences"] = new JsonArray(new JsonObject { ["kind"] = ownerKind, ["name"] = ownerName, ["controller"] = true }),
            },
        };
    }

    private static JsonObject Meshed(string name, string container, string image = "registry.example/x:1") => new()
    {
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app" }, new JsonObject { ["name"] = container, ["image"] = image }) },
    };

    private static JsonObject Deployment(long observed, int updated, int ready, int total) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = "d", ["generation"] = 3 },
        ["spec"] = new JsonObject { ["replicas"] = 2 },
        ["status"] = new JsonObject { ["observedGeneration"] = observed, ["updatedReplicas"] = updated, ["readyReplicas"] = ready, ["replicas"] = total },
    };
}
