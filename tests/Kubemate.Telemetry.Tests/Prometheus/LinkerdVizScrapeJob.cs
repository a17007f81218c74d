using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Telemetry.Tests.Prometheus;

/// <summary>
/// The <c>linkerd-proxy</c> scrape job of the real linkerd-viz chart, taken from the fixture's Helm template at test
/// time: its template expressions substituted (proxy container <c>linkerd-proxy</c>, Linkerd namespace
/// <c>linkerd</c>) and its <c>{{- if }}</c> blocks dropped. <see cref="ForSandbox"/> adds only what reaching pods
/// through the API server's pod proxy needs.
/// </summary>
public static partial class LinkerdVizScrapeJob
{
    public static JsonObject Extract()
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Fixtures, "linkerd-viz", "prometheus.yaml"));
        var start = Array.FindIndex(lines, l => l.Trim() == "- job_name: 'linkerd-proxy'");
        if (start < 0)
        {
            throw new InvalidOperationException("the linkerd-viz fixture has no linkerd-proxy job");
        }
        var indent = lines[start].IndexOf('-');
        var job = new List<string>();
        var depth = 0;
        for (var i = start; i < lines.Length; i++)
        {
            var line = lines[i];
            if (i > start && line.Trim().Length > 0 && Indent(line) <= indent && depth == 0)
            {
                break;
            }
            if (IfBlock().IsMatch(line))
            {
                depth++;
                continue;
            }
            if (depth > 0)
            {
                if (EndBlock().IsMatch(line))
                {
                    depth--;
                }
                continue;
            }
            job.Add(line.Length >= indent ? line[indent..] : line.TrimStart());
        }
        var text = string.Join('\n', job)
            .Replace("{{default .Values.proxyContainerName \"linkerd-proxy\" .Values.proxyContainerName}}", "linkerd-proxy", StringComparison.Ordinal)
            .Replace("{{.Values.linkerdNamespace}}", "linkerd", StringComparison.Ordinal);
        if (text.Contains("{{", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"an unsubstituted template expression is left in the linkerd-proxy job:\n{text}");
        }
        var parsed = YamlJson.Parse(text) as JsonArray ?? throw new InvalidOperationException("the linkerd-proxy job is not a YAML list item");
        return (JsonObject)parsed[0]!.DeepClone();
    }

    /// <summary>
    /// The fixture job pointed at the sandbox: pods found through its API, scraped through its pod proxy. The chart's
    /// <c>kubernetes_sd_configs</c> (role pod) is replaced by <c>http_sd_configs</c> on a <see cref="PodDiscoveryShim"/>
    /// because Debian's Prometheus is built without Kubernetes discovery; the relabelling is the chart's, unchanged.
    /// </summary>
    public static JsonObject ForSandbox(Uri apiServer, string caFile, string token, Uri podDiscovery)
    {
        var job = Extract();
        var address = $"{apiServer.Host}:{apiServer.Port}";
        JsonObject Tls() => new() { ["ca_file"] = caFile };
        JsonObject Auth() => new() { ["credentials"] = token };
        job["scheme"] = "https";
        job["tls_config"] = Tls();
        job["authorization"] = Auth();
        if (job["kubernetes_sd_configs"]?[0]?["role"]?.GetValue<string>() != "pod")
        {
            throw new InvalidOperationException("the chart's linkerd-proxy job no longer discovers pods with kubernetes_sd_configs role pod");
        }
        job.Remove("kubernetes_sd_configs");
        job["http_sd_configs"] = new JsonArray(new JsonObject { ["url"] = podDiscovery.ToString(), ["refresh_interval"] = "1s" });
        var relabel = (JsonArray)job["relabel_configs"]!;
        relabel.Add(new JsonObject
        {
            ["source_labels"] = new JsonArray("__meta_kubernetes_namespace", "__meta_kubernetes_pod_name"),
            ["regex"] = "(.+);(.+)",
            ["target_label"] = "__metrics_path__",
            ["replacement"] = "/api/v1/namespaces/$1/pods/$2:4191/proxy/metrics",
        });
        relabel.Add(new JsonObject { ["target_label"] = "__address__", ["replacement"] = address });
        return job;
    }

    /// <summary>A whole Prometheus configuration (JSON is YAML) scraping every <paramref name="interval"/>.</summary>
    public static string Config(JsonObject job, TimeSpan interval) => Config([job], interval);

    /// <summary>A whole Prometheus configuration with several jobs (e.g. this one and <see cref="TraefikScrapeJob"/>).</summary>
    public static string Config(IEnumerable<JsonObject> jobs, TimeSpan interval)
    {
        var seconds = $"{(int)interval.TotalSeconds}s";
        return new JsonObject
        {
            ["global"] = new JsonObject { ["scrape_interval"] = seconds, ["scrape_timeout"] = seconds, ["evaluation_interval"] = seconds },
            ["scrape_configs"] = new JsonArray(jobs.Select(j => (JsonNode)j).ToArray()),
        }.ToJsonString();
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    [GeneratedRegex(@"^\s*\{\{-?\s*if\b")]
    private static partial Regex IfBlock();

    [GeneratedRegex(@"^\s*\{\{-?\s*end\s*-?\}\}")]
    private static partial Regex EndBlock();
}
