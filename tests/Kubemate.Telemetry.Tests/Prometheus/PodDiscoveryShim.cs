using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Telemetry.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// Debian's Prometheus 2.42 is built without <c>kubernetes_sd_configs</c> (the Kubernetes client is not packaged),
/// so this stands in for it through <c>http_sd_configs</c>: on each poll it lists pods from the API server over HTTP
/// and answers one target per container port with the <c>__meta_kubernetes_*</c> labels Prometheus' pod role would
/// set. The chart's relabelling then runs unchanged on those labels.
/// </summary>
public sealed class PodDiscoveryShim : IAsyncDisposable
{
    private readonly WebApplication app;

    private PodDiscoveryShim(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<PodDiscoveryShim> StartAsync(Func<ClusterApi> api)
    {
        var app = await LoopbackApp.StartAsync(app => app.MapGet("/sd", async (HttpContext context) =>
        {
            using var client = api();
            var pods = await client.SendAsync(HttpMethod.Get, "api/v1/pods", null, null, context.RequestAborted);
            return Results.Text(TargetGroups(pods["items"] as JsonArray ?? []).ToJsonString(), "application/json", Encoding.UTF8);
        }));
        return new PodDiscoveryShim(app, new Uri(app.BoundUrl(), "sd"));
    }

    /// <summary>Prometheus' pod role: one target per declared container port, labelled with pod and container metadata.</summary>
    public static JsonArray TargetGroups(JsonArray pods)
    {
        var groups = new JsonArray();
        foreach (var pod in pods.OfType<JsonObject>())
        {
            var ip = pod["status"]?["podIP"]?.GetValue<string>();
            if (ip is null)
            {
                continue;
            }
            var common = new Dictionary<string, string>
            {
                ["__meta_kubernetes_namespace"] = pod["metadata"]?["namespace"]?.GetValue<string>() ?? "",
                ["__meta_kubernetes_pod_name"] = pod["metadata"]?["name"]?.GetValue<string>() ?? "",
                ["__meta_kubernetes_pod_ip"] = ip,
                ["__meta_kubernetes_pod_phase"] = pod["status"]?["phase"]?.GetValue<string>() ?? "",
                ["__meta_kubernetes_pod_node_name"] = pod["spec"]?["nodeName"]?.GetValue<string>() ?? "",
                ["__meta_kubernetes_pod_uid"] = pod["metadata"]?["uid"]?.GetValue<string>() ?? "",
            };
            foreach (var (name, value) in (pod["metadata"]?["labels"] as JsonObject) ?? [])
            {
                common["__meta_kubernetes_pod_label_" + Sanitize(name)] = value?.GetValue<string>() ?? "";
                common["__meta_kubernetes_pod_labelpresent_" + Sanitize(name)] = "true";
            }
            foreach (var (list, init) in new[] { ("containers", "false"), ("initContainers", "true") })
            {
                foreach (var container in (pod["spec"]?[list] as JsonArray)?.OfType<JsonObject>() ?? [])
                {
                    foreach (var port in (container["ports"] as JsonArray)?.OfType<JsonObject>() ?? [])
                    {
                        var number = port["containerPort"]?.ToString() ?? "";
                        var labels = new JsonObject();
                        foreach (var (key, value) in common)
                        {
                            labels[key] = value;
                        }
                        labels["__meta_kubernetes_pod_container_name"] = container["name"]?.GetValue<string>() ?? "";
                        labels["__meta_kubernetes_pod_container_image"] = container["image"]?.GetValue<string>() ?? "";
                        labels["__meta_kubernetes_pod_container_init"] = init;
                        labels["__meta_kubernetes_pod_container_port_name"] = port["name"]?.GetValue<string>() ?? "";
                        labels["__meta_kubernetes_pod_container_port_number"] = number;
                        labels["__meta_kubernetes_pod_container_port_protocol"] = port["protocol"]?.GetValue<string>() ?? "TCP";
                        groups.Add(new JsonObject { ["targets"] = new JsonArray($"{ip}:{number}"), ["labels"] = labels });
                    }
                }
            }
        }
        return groups;
    }

    private static string Sanitize(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_').ToArray());

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
