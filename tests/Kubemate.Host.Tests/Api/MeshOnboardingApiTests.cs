using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Host.Tests.Support;

namespace Kubemate.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class MeshOnboardingApiTests(HostFixture host)
{
    [Fact]
    public async Task Enabling_the_mesh_meshes_every_pod_with_complete_ordered_events_and_disabling_reverses_it()
    {
        using var admin = host.Admin();
        var ns = await Workloads.NewNamespaceAsync(admin, "onboard");
        foreach (var name in new[] { "api", "worker", "web" })
        {
            await Workloads.AddDeploymentAsync(admin, ns, name, 2);
        }
        await Eventually.Until(() => Workloads.MeshedPodsAsync(admin, ns), pods => pods.Count == 6, "six pods");
        using var alice = await host.SignInAsync("alice");

        var snapshot = await ClusterSnapshot.TakeAsync(admin);
        var pods = await Workloads.MeshedPodsAsync(admin, ns);
        var plan = await alice.PostJsonAsync($"/api/v1/namespaces/{ns}/mesh/plan", new JsonObject { ["enable"] = true });
        Assert.Equal(3, plan["restarts"]!.AsArray().Count);
        ClusterSnapshot.AssertSame(snapshot, await ClusterSnapshot.TakeAsync(admin));
        Assert.Equal(pods, await Workloads.MeshedPodsAsync(admin, ns));

        var enabled = await RunAsync(alice, ns, enable: true);
        Assert.Equal(["api", "web", "worker"], enabled.Where(e => e.Event == "WorkloadDone").Select(e => (string)e.Data["workload"]!).Order());
        var meshed = await Workloads.MeshedPodsAsync(admin, ns);
        Assert.Equal(6, meshed.Count);
        Assert.All(meshed, p => Assert.True(p.Meshed, $"{p.Name} has no proxy"));
        var status = await alice.GetJsonAsync($"/api/v1/namespaces/{ns}/mesh");
        Assert.True((bool)status["injectionEnabled"]!);
        Assert.Equal(6, (int)status["meshedPods"]!);

        await RunAsync(alice, ns, enable: false);
        var unmeshed = await Workloads.MeshedPodsAsync(admin, ns);
        Assert.Equal(6, unmeshed.Count);
        Assert.All(unmeshed, p => Assert.False(p.Meshed, $"{p.Name} still has the proxy"));
    }

    [Fact]
    public async Task Event_streams_replay_after_the_last_event_id_and_operations_keep_their_events()
    {
        using var admin = host.Admin();
        var ns = await Workloads.NewNamespaceAsync(admin, "replay");
        await Workloads.AddDeploymentAsync(admin, ns, "one", 1);
        await Eventually.Until(() => Workloads.MeshedPodsAsync(admin, ns), pods => pods.Count == 1, "one pod");
        using var alice = host.Bearer("alice");
        var started = await alice.PostJsonAsync($"/api/v1/namespaces/{ns}/mesh", new JsonObject { ["enable"] = true }, HttpStatusCode.Accepted);
        var all = await EventStreamReader.ReadAllAsync(alice, (string)started["eventsUrl"]!);
        var replay = await EventStreamReader.ReadAllAsync(alice, (string)started["eventsUrl"]!, lastEventId: "2");
        Assert.Equal(all.Skip(2).Select(e => e.Id), replay.Select(e => e.Id));

        var operation = await alice.GetJsonAsync($"/api/v1/operations/{(string)started["operationId"]!}");
        Assert.Equal("Succeeded", (string?)operation["state"]);
        Assert.Equal(all.Count, operation["events"]!.AsArray().Count);

        using var olivia = host.Bearer("olivia");
        using var foreign = await olivia.GetAsync($"/api/v1/operations/{(string)started["operationId"]!}");
        await Json.ProblemAsync(foreign, HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task Olivia_onboards_orders_is_refused_payments_and_both_are_audited()
    {
        using var olivia = await host.SignInAsync("olivia");
        var events = await RunAsync(olivia, "orders", enable: true);
        Assert.Equal("Completed", events[^1].Event);

        var snapshot = await ClusterSnapshot.TakeAsync(host.Admin());
        using var denied = await olivia.PostAsync("/api/v1/namespaces/payments/mesh", new JsonObject { ["enable"] = true });
        var problem = await Json.ProblemAsync(denied, HttpStatusCode.Forbidden);
        Assert.Contains("olivia", (string?)problem["detail"]);
        Assert.Contains("forbidden", (string?)problem["detail"], StringComparison.OrdinalIgnoreCase);
        ClusterSnapshot.AssertSame(snapshot, await ClusterSnapshot.TakeAsync(host.Admin()));

        using var alice = host.Bearer("alice");
        var allowed = await alice.GetJsonAsync("/api/v1/audit?user=olivia&kind=Namespace&name=orders");
        Assert.Contains(allowed.AsArray(), r => (string?)r!["operation"] == "mesh-enable" && (string?)r["outcome"] == "Allowed" && !(bool)r["dryRun"]!);
        var refused = await alice.GetJsonAsync("/api/v1/audit?user=olivia&kind=Namespace&name=payments");
        Assert.Contains(refused.AsArray(), r => (string?)r!["operation"] == "mesh-enable" && (string?)r["outcome"] == "Denied");
    }

    /// <summary>Starts a run, reads its whole event stream and checks it is complete and ordered.</summary>
    private static async Task<IReadOnlyList<ServerSentEvent>> RunAsync(ApiClient client, string ns, bool enable)
    {
        var started = await client.PostJsonAsync($"/api/v1/namespaces/{ns}/mesh", new JsonObject { ["enable"] = enable }, HttpStatusCode.Accepted);
        var events = await EventStreamReader.ReadAllAsync(client, (string)started["eventsUrl"]!);
        Assert.NotEmpty(events);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal(e.Event, (string?)e.Data["type"]));
        Assert.Equal("Started", events[0].Event);
        Assert.True(events[^1].Event == "Completed", string.Join("\n", events.Select(e => e.Data.ToJsonString())));
        Assert.Single(events, e => e.Event is "Completed" or "Failed");
        return events;
    }
}
