using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;

namespace Kubemate.Sandbox.Simulation.Traffic;

/// <summary>One <c>TrafficFault</c> as the simulator applies it (see <see cref="TrafficFaultCrd"/>).</summary>
public sealed record TrafficFault(
    string Namespace,
    string Name,
    string Workload,
    string? Version = null,
    LatencyDistribution? Latency = null,
    double? ErrorRate = null,
    bool Crash = false,
    double? TrafficMultiplier = null,
    double? LatencyFactor = null,
    bool CrashLoop = false)
{
    /// <summary>The object's uid and spec: a crash fires once per created or changed fault.</summary>
    public string Revision { get; init; } = "";

    public static TrafficFault FromObject(JsonObject obj)
    {
        var latency = obj.At("spec", "latency") is JsonObject l && Number(l, "p50Ms") is { } p50 && Number(l, "p99Ms") is { } p99
            ? new LatencyDistribution(p50, Math.Max(p50, p99))
            : null;
        return new TrafficFault(
            obj.Namespace() ?? "",
            obj.Name(),
            obj.GetString("spec", "workload") ?? "",
            obj.GetString("spec", "version"),
            latency,
            Number(obj.At("spec"), "errorRate"),
            obj.GetBool("spec", "crash") == true,
            Number(obj.At("spec"), "trafficMultiplier"),
            Number(obj.At("spec"), "latencyFactor"),
            obj.GetBool("spec", "crashLoop") == true)
        {
            Revision = $"{obj.GetString("metadata", "uid")}/{obj["spec"]?.ToJsonString()}",
        };
    }

    /// <summary>The custom resource for this fault, as the CLI applies it.</summary>
    public JsonObject ToObject()
    {
        var spec = new JsonObject { ["workload"] = Workload };
        if (Version is not null)
        {
            spec["version"] = Version;
        }
        if (Latency is { } latency)
        {
            spec["latency"] = new JsonObject { ["p50Ms"] = latency.P50Ms, ["p99Ms"] = latency.P99Ms };
        }
        if (ErrorRate is { } errorRate)
        {
            spec["errorRate"] = errorRate;
        }
        if (Crash)
        {
            spec["crash"] = true;
        }
        if (TrafficMultiplier is { } multiplier)
        {
            spec["trafficMultiplier"] = multiplier;
        }
        if (LatencyFactor is { } factor)
        {
            spec["latencyFactor"] = factor;
        }
        if (CrashLoop)
        {
            spec["crashLoop"] = true;
        }
        return new JsonObject
        {
            ["apiVersion"] = TrafficFaultCrd.ApiVersion,
            ["kind"] = TrafficFaultCrd.Kind,
            ["metadata"] = new JsonObject { ["name"] = Name, ["namespace"] = Namespace },
            ["spec"] = spec,
        };
    }

    /// <summary>What is wrong with this fault, each as "field: reason"; empty when it is valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Workload))
        {
            problems.Add("spec.workload: Required value: name the Deployment or StatefulSet");
        }
        if (Latency is { } latency)
        {
            if (latency.P50Ms <= 0)
            {
                problems.Add($"spec.latency.p50Ms: Invalid value: {Format(latency.P50Ms)}: must be greater than 0");
            }
            if (latency.P99Ms < latency.P50Ms)
            {
                problems.Add($"spec.latency.p99Ms: Invalid value: {Format(latency.P99Ms)}: must not be below p50Ms ({Format(latency.P50Ms)})");
            }
        }
        if (ErrorRate is < 0 or > 1)
        {
            problems.Add($"spec.errorRate: Invalid value: {Format(ErrorRate.Value)}: must be between 0 and 1");
        }
        if (TrafficMultiplier is < 0)
        {
            problems.Add($"spec.trafficMultiplier: Invalid value: {Format(TrafficMultiplier.Value)}: must not be negative");
        }
        if (LatencyFactor is <= 0)
        {
            problems.Add($"spec.latencyFactor: Invalid value: {Format(LatencyFactor.Value)}: must be greater than 0");
        }
        if (Latency is null && ErrorRate is null && !Crash && TrafficMultiplier is null && LatencyFactor is null && !CrashLoop)
        {
            problems.Add("spec: Required value: set at least one of latency, latencyFactor, errorRate, crash, crashLoop, trafficMultiplier");
        }
        return problems;
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static double? Number(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<double>(out var number) ? number : null;
}
