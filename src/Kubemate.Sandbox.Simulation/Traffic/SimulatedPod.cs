using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Controllers;
using Kubemate.Sandbox.Simulation.Injection;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>What the simulator needs of a pod: identity, readiness, which proxy it runs, and its owning workload.</summary>
public sealed class SimulatedPod
{
    public const string TrustDomain = "cluster.local";

    private SimulatedPod(JsonObject pod)
    {
        Object = pod;
        Namespace = pod.Namespace() ?? "";
        Name = pod.Name();
        Uid = pod.GetString("metadata", "uid") ?? Name;
        Ip = pod.GetString("status", "podIP") ?? "";
        Labels = pod.Labels();
        Annotations = pod.Annotations();
        ServiceAccount = pod.GetString("spec", "serviceAccountName") ?? "default";
        var containers = (pod.At("spec", "containers") as JsonArray ?? []).OfType<JsonObject>().ToList();
        var names = containers.Select(c => c.GetString("name")).ToHashSet();
        LinkerdMeshed = names.Contains("linkerd-proxy");
        IstioMeshed = names.Contains("istio-proxy");
        Traefik = Labels.GetValueOrDefault("app.kubernetes.io/name") == "traefik" || names.Contains("traefik");
        ContainerPorts = containers
            .SelectMany(c => (c["ports"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(p => (Name: p.GetString("name") ?? "", Port: (int)(p.GetLong("containerPort") ?? 0)))
            .ToList();
        var statuses = (pod.At("status", "containerStatuses") as JsonArray ?? []).OfType<JsonObject>().ToList();
        Restarts = statuses.Sum(s => s.GetLong("restartCount") ?? 0);
        Ready = PodState.IsActive(pod) && PodState.Phase(pod) == "Running" && PodState.IsReady(pod) && Ip.Length > 0;
        StartedAt = statuses
            .Select(s => s.GetString("state", "running", "startedAt"))
            .OfType<string>()
            .Select(t => DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null)
            .OfType<DateTimeOffset>()
            .DefaultIfEmpty(PodState.ReadySince(pod) ?? DateTimeOffset.UnixEpoch)
            .Max();
        (WorkloadKind, Workload) = OwnerOf(pod);
    }

    public JsonObject Object { get; }
    public string Namespace { get; }
    public string Name { get; }
    public string Uid { get; }
    public string Ip { get; }
    public IReadOnlyDictionary<string, string> Labels { get; }
    public IReadOnlyDictionary<string, string> Annotations { get; }
    public string ServiceAccount { get; }
    public bool LinkerdMeshed { get; }
    public bool IstioMeshed { get; }
    public bool Traefik { get; }
    public bool Ready { get; }
    public long Restarts { get; }
    public DateTimeOffset StartedAt { get; }
    public IReadOnlyList<(string Name, int Port)> ContainerPorts { get; }

    /// <summary><c>deployment</c>, <c>statefulset</c>, <c>daemonset</c>, <c>job</c> or <c>pod</c>.</summary>
    public string WorkloadKind { get; }
    public string Workload { get; }

    public string? Version => Labels.GetValueOrDefault("version");

    public string? PodTemplateHash => Labels.GetValueOrDefault(Workloads.PodTemplateHashLabel);

    /// <summary>Counters live as long as this key: a new pod (uid) or a container restart starts them at zero.</summary>
    public string CounterKey => $"{Uid}/{Restarts}";

    /// <summary>The Linkerd mTLS identity of the pod's service account.</summary>
    public string Identity => $"{ServiceAccount}.{Namespace}.serviceaccount.identity.linkerd.{TrustDomain}";

    /// <summary>Istio's SPIFFE identity of the pod's service account.</summary>
    public string SpiffeId => $"spiffe://{TrustDomain}/ns/{Namespace}/sa/{ServiceAccount}";

    public string? PortName(int port) => ContainerPorts.FirstOrDefault(p => p.Port == port).Name is { Length: > 0 } name ? name : null;

    public static SimulatedPod From(JsonObject pod) => new(pod);

    /// <summary>The owning workload, lower-case kind; a pod without a workload owner is its own workload.</summary>
    private static (string Kind, string Name) OwnerOf(JsonObject pod) =>
        PodOwner.Of(pod) is { Kind: "Deployment" or "ReplicaSet" or "StatefulSet" or "DaemonSet" or "Job" } owner
            ? (owner.Kind.ToLowerInvariant(), owner.Name)
            : ("pod", pod.Name());
}
