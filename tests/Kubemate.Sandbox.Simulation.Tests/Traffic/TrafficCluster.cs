using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Traffic;
using Kubemate.Testing;

namespace Kubemate.Sandbox.Simulation.Tests.Traffic;

/// <summary>
/// A sandbox with the demo estate whose traffic advances only when a test ticks it, reached over HTTP: the API with
/// a bearer token, the simulated metrics through the pod proxy subresource.
/// </summary>
public sealed class TrafficCluster : IAsyncDisposable, IFaultApi
{
    /// <summary>Ready pods per demo Service once the estate is up (the Services the traffic profile calls).</summary>
    private static readonly (string Namespace, string Service, int Pods)[] Expected =
    [
        ("web", "frontend", 2), ("orders", "orders", 2), ("orders", "inventory", 2), ("payments", "payment", 2), ("payments", "fraud-check", 1),
        ("users", "users", 2), ("users", "notifications", 1), ("data", "postgres", 1), ("data", "redis", 1), ("traefik", "traefik", 3),
    ];

    private TrafficCluster(SandboxServer server, TrafficSimulator simulator)
    {
        Server = server;
        Simulator = simulator;
        Http = new HttpClient(server.Certificates.CreateTrustingHandler()) { BaseAddress = server.Url };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", server.Admin.Token);
    }

    public SandboxServer Server { get; }
    public TrafficSimulator Simulator { get; }
    public HttpClient Http { get; }

    /// <param name="demoEstate">false for an empty sandbox (the simulator and its CRD only).</param>
    /// <param name="clock">the sandbox clock; with one, the simulator ticks every second of it instead of on request.</param>
    public static async Task<TrafficCluster> StartAsync(bool demoEstate = true, TimeProvider? clock = null)
    {
        var options = new SimulationOptions
        {
            SeedDemoEstate = demoEstate,
            TrafficTickInterval = clock is null ? TimeSpan.Zero : TimeSpan.FromSeconds(1),
            PodStartDelay = clock is null ? TimeSpan.FromMilliseconds(50) : TimeSpan.Zero,
        };
        var components = SandboxSimulation.Components(options);
        var simulator = components.OfType<TrafficSimulator>().Single();
        var server = await SandboxServer.StartAsync(new SandboxOptions(), SandboxSimulation.DemoUsers, components, clock);
        var cluster = new TrafficCluster(server, simulator);
        foreach (var (ns, service, pods) in demoEstate ? Expected : [])
        {
            await cluster.WaitForEndpointsAsync(ns, service, pods);
        }
        return cluster;
    }

    public async Task WaitForEndpointsAsync(string ns, string service, int pods) =>
        await Eventually.Until(async () => await GetOrNullAsync($"/api/v1/namespaces/{ns}/endpoints/{service}", default),
            endpoints => (endpoints?["subsets"] as JsonArray ?? []).Sum(s => (s?["addresses"] as JsonArray)?.Count ?? 0) == pods,
            $"{pods} ready endpoints of {ns}/{service}", TimeSpan.FromSeconds(60));

    /// <summary>Advances the simulated traffic by whole seconds, one tick per second.</summary>
    public void Tick(int seconds = 1)
    {
        for (var i = 0; i < seconds; i++)
        {
            Simulator.Tick(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The names of the pods of a namespace with a label selector, in name order.</summary>
    public async Task<IReadOnlyList<string>> PodsAsync(string ns, string selector)
    {
        var list = await SendAsync(HttpMethod.Get, $"/api/v1/namespaces/{ns}/pods?labelSelector={Uri.EscapeDataString(selector)}", null, null, default);
        return (list["items"] as JsonArray ?? []).OfType<JsonObject>().Select(p => p.Name()).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<HttpResponseMessage> ProxyAsync(string ns, string pod, string port, string path) =>
        await Http.GetAsync($"/api/v1/namespaces/{ns}/pods/{pod}:{port}/proxy/{path}");

    /// <summary>Scrapes a pod's metrics endpoint and parses it strictly.</summary>
    public async Task<IReadOnlyList<Sample>> ScrapeAsync(string ns, string pod, string port = "4191", string path = "metrics")
    {
        using var response = await ProxyAsync(ns, pod, port, path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"scrape of {ns}/{pod}:{port}/{path}: {(int)response.StatusCode} {text}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return Exposition.Parse(text);
    }

    /// <summary>Every sample of every ready pod of an app, scraped on the linkerd-admin port.</summary>
    public async Task<IReadOnlyList<Sample>> ScrapeAppAsync(string ns, string app)
    {
        var samples = new List<Sample>();
        foreach (var pod in await PodsAsync(ns, $"app={app}"))
        {
            samples.AddRange(await ScrapeAsync(ns, pod));
        }
        return samples;
    }

    Task<JsonObject?> IFaultApi.GetOrNullAsync(FaultResource resource, string ns, string name, CancellationToken cancellationToken) =>
        GetOrNullAsync(PathOf(resource, ns, name), cancellationToken);

    async Task<IReadOnlyList<JsonObject>> IFaultApi.ListAsync(FaultResource resource, string? ns, CancellationToken cancellationToken) =>
        ((await SendAsync(HttpMethod.Get, PathOf(resource, ns, null), null, null, cancellationToken))["items"] as JsonArray ?? []).OfType<JsonObject>().ToList();

    Task<JsonObject> IFaultApi.ApplyAsync(FaultResource resource, string ns, string name, JsonObject body, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, PathOf(resource, ns, name) + $"?fieldManager={TrafficFaultClient.FieldManager}&force=true", body, "application/apply-patch+yaml", cancellationToken);

    Task IFaultApi.MergePatchAsync(FaultResource resource, string ns, string name, JsonObject patch, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Patch, PathOf(resource, ns, name) + $"?fieldManager={TrafficFaultClient.FieldManager}", patch, "application/merge-patch+json", cancellationToken);

    Task IFaultApi.DeleteAsync(FaultResource resource, string ns, string name, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Delete, PathOf(resource, ns, name), null, null, cancellationToken);

    private static string PathOf(FaultResource resource, string? ns, string? name)
    {
        var prefix = resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}";
        var collection = ns is null ? $"{prefix}/{resource.Plural}" : $"{prefix}/namespaces/{ns}/{resource.Plural}";
        return name is null ? collection : $"{collection}/{name}";
    }

    public Task<JsonObject> CreateAsync(string collectionPath, string json) =>
        SendAsync(HttpMethod.Post, collectionPath, JsonNode.Parse(json), "application/json", default);

    public async Task<JsonObject?> GetOrNullAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(path, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        return await Read(response, HttpMethod.Get, path);
    }

    public async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonNode? body, string? contentType, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/json");
        }
        using var response = await Http.SendAsync(request, cancellationToken);
        return await Read(response, method, path);
    }

    private static async Task<JsonObject> Read(HttpResponseMessage response, HttpMethod method, string path)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new ApiCallException(response.StatusCode, $"{method} {path}: {(int)response.StatusCode} {JsonNode.Parse(text)?["message"] ?? text}");
        }
        return JsonNode.Parse(text)!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

public sealed class ApiCallException(HttpStatusCode status, string message) : Exception(message)
{
    public HttpStatusCode Status { get; } = status;
}
