using System.Text.Json.Nodes;
using Kubemate.Sandbox.Api;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Controllers;

/// <summary>Names and small helpers the workload controllers share.</summary>
internal static class Workloads
{
    public const string PodResource = "/pods";
    public const string Manager = "kube-controller-manager";
    public const string PodTemplateHashLabel = "pod-template-hash";
    public const string ControllerRevisionHashLabel = "controller-revision-hash";

    public static string Now(TimeProvider clock) => ObjectLifecycle.Timestamp(clock.GetUtcNow());

    public static string CreationOrder(JsonObject obj) => (obj.GetString("metadata", "creationTimestamp") ?? "") + "/" + obj.Name();
}
