using System.Text.Json.Nodes;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// A minimal <c>traefik</c> scrape job for the sandbox, labelling targets as the embedded store's Traefik job does
/// (<c>namespace</c>, <c>pod</c>, <c>instance</c> = pod IP:port): pods from <see cref="PodDiscoveryShim"/>, kept when
/// Pending|Running, labelled <c>app.kubernetes.io/name=traefik</c> and on the port named <c>metrics</c> (or 9100),
/// scraped through the pod proxy <c>/api/v1/namespaces/NS/pods/POD:PORT/proxy/metrics</c>.
/// </summary>
public static class TraefikScrapeJob
{
    public const string Name = "traefik";

    public static JsonObject ForSandbox(Uri apiServer, string caFile, string token, Uri podDiscovery) => new()
    {
        ["job_name"] = Name,
        ["scheme"] = "https",
        ["tls_config"] = new JsonObject { ["ca_file"] = caFile },
        ["authorization"] = new JsonObject { ["credentials"] = token },
        ["http_sd_configs"] = new JsonArray(new JsonObject { ["url"] = podDiscovery.ToString(), ["refresh_interval"] = "1s" }),
        ["relabel_configs"] = new JsonArray(
            Keep(["__meta_kubernetes_pod_phase"], "Pending|Running"),
            Keep(["__meta_kubernetes_pod_label_app_kubernetes_io_name"], "traefik"),
            Keep(["__meta_kubernetes_pod_container_port_name", "__meta_kubernetes_pod_container_port_number"], "metrics;.*|[^;]*;9100"),
            Replace(["__meta_kubernetes_namespace"], "(.+)", "namespace", "$1"),
            Replace(["__meta_kubernetes_pod_name"], "(.+)", "pod", "$1"),
            Replace(["__meta_kubernetes_pod_ip", "__meta_kubernetes_pod_container_port_number"], "(.+);(.+)", "instance", "$1:$2"),
            Replace(["__meta_kubernetes_namespace", "__meta_kubernetes_pod_name", "__meta_kubernetes_pod_container_port_number"], "(.+);(.+);(.+)",
                "__metrics_path__", "/api/v1/namespaces/$1/pods/$2:$3/proxy/metrics"),
            new JsonObject { ["target_label"] = "__address__", ["replacement"] = $"{apiServer.Host}:{apiServer.Port}" }),
    };

    private static JsonObject Keep(string[] sources, string regex) => new()
    {
        ["source_labels"] = new JsonArray(sources.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
        ["action"] = "keep",
        ["regex"] = regex,
    };

    private static JsonObject Replace(string[] sources, string regex, string target, string replacement) => new()
    {
        ["source_labels"] = new JsonArray(sources.Select(s => (JsonNode)JsonValue.Create(s)).ToArray()),
        ["regex"] = regex,
        ["target_label"] = target,
        ["replacement"] = replacement,
    };
}
