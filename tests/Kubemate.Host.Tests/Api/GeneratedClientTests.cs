using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Client;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Api;

/// <summary>
/// The client generated from the committed OpenAPI document (<c>Kubemate.Client</c>, what <c>kubemate</c>'s server mode
/// uses) against a running host on the sandbox: every operation of the document is called through it, and its
/// answers (200, 202, 204, the problems) read into the generated types.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class GeneratedClientTests(HostFixture host)
{
    private readonly HashSet<string> _called = [];

    [Fact]
    public async Task The_generated_client_drives_every_endpoint_of_the_document()
    {
        using var admin = host.Admin();
        var ns = await Workloads.NewNamespaceAsync(admin, "client");
        await Workloads.AddDeploymentAsync(admin, ns, "api", 1);
        await Eventually.Until(() => Workloads.MeshedPodsAsync(admin, ns), pods => pods.Count == 1, "one pod");

        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(3) };
        var alice = new KubemateApiClient(http) { ReadResponseAsString = true };
        using var auditorHttp = new HttpClient { BaseAddress = host.Url, Timeout = TimeSpan.FromMinutes(3) };
        auditorHttp.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.TokenOf("audrey"));
        var audrey = new KubemateApiClient(auditorHttp);

        Assert.Equal("ok", await Call("Health", () => alice.HealthAsync()));
        Assert.Equal("ok", await Call("Ready", () => alice.ReadyAsync()));
        Assert.Equal("sandbox", (await Call("GetCluster", () => alice.GetClusterAsync())).Mode);
        Assert.False(string.IsNullOrEmpty((await Call("GetVersion", () => alice.GetVersionAsync())).Version));
        var refused = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => alice.SignInAsync(new SignInRequest { Username = "alice" }));
        Assert.Contains("password", refused.Result.Errors.Keys);
        var session = await Call("SignIn", () => alice.SignInAsync(new SignInRequest { Username = "alice", Password = "alice-demo" }));
        http.DefaultRequestHeaders.Add("X-CSRF-Token", session.CsrfToken);
        Assert.Equal("alice", (await Call("GetSession", () => alice.GetSessionAsync())).User);

        Assert.Contains(await Call("ListNamespaces", () => alice.ListNamespacesAsync()), n => n.Name == ns);
        Assert.Equal(1, (await Call("GetNamespaceMesh", () => alice.GetNamespaceMeshAsync(ns))).TotalPods);
        var missing = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => alice.GetNamespaceMeshAsync("no-such-namespace"));
        Assert.Equal(404, missing.StatusCode);
        Assert.Contains("namespace", missing.Result.Errors.Keys);

        var plan = await Call("PlanMesh", () => alice.PlanMeshAsync(ns, new MeshPlanRequest { Enable = true }));
        Assert.Equal("api", Assert.Single(plan.Restarts).Name);
        var started = await Call("StartMesh", () => alice.StartMeshAsync(ns, new MeshSwitchRequest { Enable = true, MaxConcurrency = 2 }));
        var events = await Call("StreamOperationEvents", async () =>
        {
            using var stream = await alice.StreamOperationEventsAsync(started.OperationId);
            Assert.Equal(200, stream.StatusCode);
            return await new StreamReader(stream.Stream).ReadToEndAsync();
        });
        Assert.Contains("event: Completed", events, StringComparison.Ordinal);
        var operation = await Call("GetOperation", () => alice.GetOperationAsync(started.OperationId));
        Assert.Equal(OperationState.Succeeded, operation.State);
        Assert.Equal(OnboardingEventType.Completed, operation.Events[^1].Type);

        var yaml = $"apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: settings, namespace: {ns}}}\ndata: {{mode: a}}\n";
        var preview = await Call("PreviewChangeSet", () => alice.PreviewChangeSetAsync(new ChangeSetPreviewRequest { Yaml = yaml }));
        Assert.Equal(ObjectStatus.DryRunOk, Assert.Single(preview.Objects).Status);
        var applied = await Call("ApplyChangeSet", () => alice.ApplyChangeSetAsync(new ChangeSetApplyRequest { PreviewId = preview.PreviewId }));
        Assert.True(applied.Succeeded);
        var more = new KubernetesObject
        {
            AdditionalProperties = { ["apiVersion"] = "v1", ["kind"] = "ConfigMap", ["metadata"] = new Dictionary<string, string> { ["name"] = "more", ["namespace"] = ns } },
        };
        Assert.True((await alice.ApplyChangeSetAsync(new ChangeSetApplyRequest { Objects = [more] })).Succeeded);
        Assert.Contains("kind: ConfigMap", await alice.ExportGitOpsAsync(new ChangeSetApplyRequest { Yaml = yaml, Gitops = true }), StringComparison.Ordinal);
        var stale = await Assert.ThrowsAsync<ApiException<FailureProblem>>(() => alice.ApplyChangeSetAsync(new ChangeSetApplyRequest { PreviewId = preview.PreviewId }));
        Assert.Equal(404, stale.StatusCode);
        Assert.Contains("previewId", stale.Result.Errors.Keys);

        var records = await Call("QueryAudit", () => alice.QueryAuditAsync(@namespace: ns, limit: 10));
        Assert.Contains(records, r => r.Operation == "apply" && r.Outcome == AuditOutcome.Allowed);
        var exported = await Call("ExportAudit", async () =>
        {
            using var export = await audrey.ExportAuditAsync(user: "alice", @namespace: ns);
            return await new StreamReader(export.Stream).ReadToEndAsync();
        });
        Assert.Equal(records.Count, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.True((await Call("VerifyAudit", () => audrey.VerifyAuditAsync())).IsValid);
        using var oliviaHttp = new HttpClient { BaseAddress = host.Url };
        oliviaHttp.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.TokenOf("olivia"));
        var notAuditor = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => new KubemateApiClient(oliviaHttp).QueryAuditAsync(user: "audrey"));
        Assert.Equal(403, notAuditor.StatusCode);

        await Telemetry("TelemetryWorkloads", () => alice.TelemetryWorkloadsAsync("1m", [ns]), answer => Assert.Equal("1m", answer.Window));
        await Telemetry("TelemetryWorkload", () => alice.TelemetryWorkloadAsync(ns, "deployment", "api", "5m", series: "true"), answer => Assert.Equal("api", answer.Data?.Workload?.Name));
        await Telemetry("TelemetryEdges", () => alice.TelemetryEdgesAsync(@namespace: [ns]), answer => Assert.NotNull(answer.Data));
        await Telemetry("TelemetryTopology", () => alice.TelemetryTopologyAsync(@namespace: [ns]), answer => Assert.NotNull(answer.Data?.Nodes));
        await Telemetry("TelemetrySplit", () => alice.TelemetrySplitAsync(ns, "api", backend: ["api"]), answer => Assert.NotNull(answer.Data));
        var badWindow = await Assert.ThrowsAsync<ApiException<HttpValidationProblemDetails>>(() => alice.TelemetryEdgesAsync("2m"));
        Assert.Contains("window", badWindow.Result.Errors.Keys);

        await CanaryEstate.PrepareAsync(admin);
        Assert.Equal("orders-v2", (await Call("ProposeCanary", () => alice.ProposeCanaryAsync("orders", "orders"))).Canary);
        var release = new CanaryReleaseRequest
        {
            Name = ns,
            Spec = new CanaryReleaseSpec { Service = "orders", Stable = "orders-v1", Canary = "orders-v2", Mode = ReleaseMode.Manual, Weight = 5 },
        };
        var canaryPreview = await Call("PreviewCanary", () => alice.PreviewCanaryAsync("orders", release));
        Assert.Equal(ObjectStatus.DryRunOk, Assert.Single(canaryPreview.Objects).Status);
        Assert.True((await Call("ApplyCanary", () => alice.ApplyCanaryAsync("orders", new CanaryApplyRequest { PreviewId = canaryPreview.PreviewId }))).Succeeded);
        Assert.Contains(await Call("ListCanaries", () => alice.ListCanariesAsync("orders")), r => r.Name == ns && r.Mode == ReleaseMode.Manual);
        Assert.Equal(5, (await Call("GetCanary", () => alice.GetCanaryAsync("orders", ns, "5m"))).Spec.Weight);
        Assert.Contains("kind: CanaryRelease", await Call("ExportCanary", () => alice.ExportCanaryYamlAsync("orders", release)), StringComparison.Ordinal);
        Assert.NotEqual(ActionState.Failed, (await Call("SetCanaryWeight", () => alice.SetCanaryWeightAsync("orders", ns, new CanaryWeightRequest { Weight = 10 }))).State);
        Assert.Equal("pause", (await Call("ActOnCanary", () => alice.ActOnCanaryAsync("orders", ns, new CanaryActionRequest { Action = "pause" }))).Action);
        var refusedAction = await Assert.ThrowsAsync<ApiException<FailureProblem>>(() => alice.ActOnCanaryAsync("orders", ns, new CanaryActionRequest { Action = "approve" }));
        Assert.Equal(409, refusedAction.StatusCode);

        await Call("SignOut", async () => { await alice.SignOutAsync(); return true; });
        var signedOut = await Assert.ThrowsAsync<ApiException<ProblemDetails>>(() => alice.GetSessionAsync());
        Assert.Equal(401, signedOut.StatusCode);

        Assert.Equal(OperationIds().Order(StringComparer.Ordinal), _called.Order(StringComparer.Ordinal));
    }

    private async Task<T> Call<T>(string operationId, Func<Task<T>> call)
    {
        _called.Add(operationId);
        return await call();
    }

    /// <summary>A telemetry answer, or the declared 503 while the embedded store has no scrape yet: both read into their generated types.</summary>
    private async Task Telemetry<T>(string operationId, Func<Task<T>> call, Action<T> check)
    {
        _called.Add(operationId);
        try
        {
            check(await call());
        }
        catch (ApiException<TelemetryUnavailableProblem> unavailable)
        {
            Assert.Equal(503, unavailable.StatusCode);
            Assert.Equal("urn:kubemate:problem:telemetry-unavailable", unavailable.Result.Type);
        }
    }

    private static IEnumerable<string> OperationIds() =>
        JsonNode.Parse(File.ReadAllText(OpenApiFile.Path))!["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (string)o.Value!["operationId"]!));
}
