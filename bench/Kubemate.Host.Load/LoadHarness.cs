using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Connection;
using Kubemate.Cluster.Http;

namespace Kubemate.Host.Load;

public sealed record OnboardingFigure(int Deployments, int Pods, int Events, TimeSpan Setup, TimeSpan Elapsed);

public sealed record LoadFigure(int Requests, int Rate, TimeSpan Duration, int Errors, double P50, double P95, double P99, double Max)
{
    /// <summary>p99 and max per path: which read the tail comes from.</summary>
    public IReadOnlyList<(string Path, double P99, double Max)> ByPath { get; init; } = [];
}

/// <summary>Drives the host over HTTP as alice (session cookie + CSRF token); sets up workloads as the sandbox admin.</summary>
public sealed class LoadHarness : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly ClusterApi _admin;
    private string _csrf = "";

    private LoadHarness(HttpClient http, ClusterApi admin)
    {
        _http = http;
        _admin = admin;
    }

    public static async Task<LoadHarness> CreateAsync(ServeProcess serve, CancellationToken cancellationToken)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var http = new HttpClient(handler) { BaseAddress = serve.Url, Timeout = TimeSpan.FromMinutes(10) };
        var admin = (await ClusterConnection.FromKubeconfigAsync(serve.Kubeconfig)).CreateApi();
        var harness = new LoadHarness(http, admin);
        using var response = await http.PostAsJsonAsync("/api/v1/session", serve.Credentials, cancellationToken);
        response.EnsureSuccessStatusCode();
        harness._csrf = (string)(await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["csrfToken"]!;
        return harness;
    }

    public async Task<OnboardingFigure> OnboardAsync(int deployments, CancellationToken cancellationToken)
    {
        var setup = Stopwatch.StartNew();
        var ns = $"load-{deployments}";
        await _admin.SendAsync(HttpMethod.Post, "api/v1/namespaces", new JsonObject
        {
            ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = ns },
        }, "application/json", cancellationToken);
        await Parallel.ForEachAsync(Enumerable.Range(0, deployments), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => await _admin.SendAsync(HttpMethod.Post, $"apis/apps/v1/namespaces/{ns}/deployments", Deployment($"app-{i:D3}"), "application/json", ct));
        while (await RunningPodsAsync(ns, cancellationToken) < deployments)
        {
            await Task.Delay(500, cancellationToken);
        }
        setup.Stop();

        var elapsed = Stopwatch.StartNew();
        using var start = await PostAsync($"/api/v1/namespaces/{ns}/mesh", new JsonObject { ["enable"] = true, ["maxConcurrency"] = 50 }, cancellationToken);
        if (start.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"onboarding refused: {(int)start.StatusCode} {await start.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var eventsUrl = (string)(await start.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["eventsUrl"]!;
        var events = 0;
        string? last = null;
        using (var stream = await _http.GetStreamAsync(eventsUrl, cancellationToken))
        using (var reader = new StreamReader(stream))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.StartsWith("event: ", StringComparison.Ordinal))
                {
                    events++;
                    last = line[7..];
                }
            }
        }
        elapsed.Stop();
        var status = await _http.GetFromJsonAsync<JsonObject>($"/api/v1/namespaces/{ns}/mesh", cancellationToken);
        var meshed = (int)status!["meshedPods"]!;
        var total = (int)status["totalPods"]!;
        if (last != "Completed" || meshed != total)
        {
            throw new InvalidOperationException($"onboarding ended with {last}: {meshed}/{total} pods meshed");
        }
        return new OnboardingFigure(deployments, total, events, setup.Elapsed, elapsed.Elapsed);
    }

    /// <summary>The status, session, audit and cluster reads, in turn.</summary>
    public static readonly string[] StatusReads =
        ["/api/v1/namespaces", "/api/v1/namespaces/web/mesh", "/api/v1/namespaces/orders/mesh", "/api/v1/session", "/api/v1/audit?limit=20", "/api/v1/cluster"];

    /// <summary>The telemetry reads of every namespace, in turn, over the default window.</summary>
    public static readonly string[] TelemetryReads =
        ["/api/v1/telemetry/workloads", "/api/v1/telemetry/edges", "/api/v1/telemetry/topology", "/api/v1/telemetry/workloads?namespace=orders"];

    public async Task<LoadFigure> MixedReadsAsync(string[] paths, int rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new ConcurrentBag<(string Path, double Milliseconds)>();
        var errors = 0;
        var total = (int)(rate * duration.TotalSeconds);
        var requests = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed, cancellationToken);
            }
            var path = paths[i % paths.Length];
            requests.Add(Task.Run(async () =>
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await _http.GetAsync(path, cancellationToken);
                    await response.Content.LoadIntoBufferAsync(cancellationToken);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies.Add((path, watch.Elapsed.TotalMilliseconds));
            }, cancellationToken));
        }
        await Task.WhenAll(requests);
        var sorted = latencies.Select(l => l.Milliseconds).Order().ToArray();
        var byPath = latencies.GroupBy(l => l.Path)
            .Select(g =>
            {
                var times = g.Select(l => l.Milliseconds).Order().ToArray();
                return (Path: g.Key, P99: Percentile(times, 0.99), Max: times[^1]);
            })
            .OrderBy(p => Array.IndexOf(paths, p.Path))
            .ToList();
        return new LoadFigure(total, rate, duration, errors, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]) { ByPath = byPath };
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private async Task<HttpResponseMessage> PostAsync(string path, JsonNode body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("X-CSRF-Token", _csrf);
        return await _http.SendAsync(request, cancellationToken);
    }

    private async Task<int> RunningPodsAsync(string ns, CancellationToken cancellationToken)
    {
        var list = await _admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{ns}/pods", null, null, cancellationToken);
        return (list["items"] as JsonArray ?? []).Count(p => (string?)p?["status"]?["phase"] == "Running");
    }

    private static JsonObject Deployment(string name) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject
        {
            ["replicas"] = 1,
            ["selector"] = new JsonObject { ["matchLabels"] = new JsonObject { ["app"] = name } },
            ["template"] = new JsonObject
            {
                ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = name } },
                ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "app", ["image"] = $"example/{name}:1" }) },
            },
        },
    };

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        _admin.Dispose();
        return ValueTask.CompletedTask;
    }
}
