using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Application.Canary.Resource;
using Kubemate.Application.Canary.StateMachine;
using Kubemate.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Application.Tests.Canary;

/// <summary>
/// The CanaryRelease CRD passes the sandbox's structural-schema checks, serves objects written from the C# model
/// (spec and, through the status subresource, status) unchanged, and refuses bad objects naming the field.
/// </summary>
public sealed class CanaryReleaseCrdTests : IAsyncLifetime
{
    private const string Releases = "/apis/kubemate.io/v1alpha1/namespaces/default/canaryreleases";

    private SandboxServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(new SandboxOptions());
        _http = new HttpClient(_server.Certificates.CreateTrustingHandler()) { BaseAddress = _server.Url };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Admin.Token);
        var installed = await _http.PostAsJsonAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", CanaryReleaseCrd.Definition());
        Assert.True(installed.StatusCode == HttpStatusCode.Created, await installed.Content.ReadAsStringAsync());
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_release_written_from_the_model_is_served_back_unchanged_and_its_status_goes_through_the_subresource()
    {
        var spec = CanaryReleases.Full();
        var created = await SendAsync(HttpMethod.Post, Releases, Release("orders", spec));
        Assert.Equal(spec, created["spec"].Deserialize<CanaryReleaseSpec>(CanaryJson.Options));

        var status = AStatusWithHistory(spec);
        var withStatus = created.DeepClone().AsObject();
        withStatus["status"] = JsonSerializer.SerializeToNode(status, CanaryJson.Options);
        await SendAsync(HttpMethod.Put, $"{Releases}/orders/status", withStatus);

        var read = await SendAsync(HttpMethod.Get, $"{Releases}/orders", null);
        Assert.Equal(status, read["status"].Deserialize<CanaryReleaseStatus>(CanaryJson.Options));
        Assert.Equal(spec, read["spec"].Deserialize<CanaryReleaseSpec>(CanaryJson.Options));
    }

    [Fact]
    public async Task A_bad_release_is_refused_with_the_field_named()
    {
        foreach (var (change, field) in new (Action<JsonObject>, string)[]
        {
            (s => s["mode"] = "big-bang", "spec.mode"),
            (s => s.Remove("stable"), "spec.stable"),
            (s => s["canary"] = "Orders_V2", "spec.canary"),
            (s => s["steps"]![0]!["weight"] = 150, "spec.steps[0].weight"),
            (s => s["steps"]![1]!["pause"] = "soon", "spec.steps[1].pause"),
            (s => s["analysis"]!["successRate"]!["min"] = 1.5, "spec.analysis.successRate.min"),
            (s => s["analysis"]!["minRequests"] = 0, "spec.analysis.minRequests"),
            (s => s["webhooks"]![0]!["type"] = "sometimes", "spec.webhooks[0].type"),
        })
        {
            var spec = JsonSerializer.SerializeToNode(CanaryReleases.Full(), CanaryJson.Options)!.AsObject();
            change(spec);
            var response = await _http.PostAsJsonAsync(Releases, Release("bad", spec));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{field}: {response.StatusCode} {body}");
            Assert.Contains(field, body);
        }
        var list = await SendAsync(HttpMethod.Get, Releases, null);
        Assert.Empty(list["items"]!.AsArray());
    }

    private static CanaryReleaseStatus AStatusWithHistory(CanaryReleaseSpec spec)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        var machine = new ReleaseStateMachine(clock);
        var status = machine.Next(new ReleaseInput { Spec = spec, Status = new(), CanaryPods = CanaryReleases.Healthy }).Status;
        clock.Advance(TimeSpan.FromSeconds(10));
        var check = CanaryChecks.Failing(clock.GetUtcNow(), step: 0, weight: 5);
        return machine.Next(new ReleaseInput { Spec = spec, Status = status, CanaryPods = CanaryReleases.Healthy, Check = check }).Status;
    }

    private static JsonObject Release(string name, object spec) => new()
    {
        ["apiVersion"] = CanaryReleaseCrd.ApiVersion,
        ["kind"] = CanaryReleaseCrd.Kind,
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default" },
        ["spec"] = spec as JsonNode ?? JsonSerializer.SerializeToNode(spec, CanaryJson.Options),
    };

    private async Task<JsonObject> SendAsync(HttpMethod method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
