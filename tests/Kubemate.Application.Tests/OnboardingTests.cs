using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Audit;
using Kubemate.Cluster.Http;
using Kubemate.Drivers.Linkerd;
using Kubemate.Application.Onboarding;

namespace Kubemate.Application.Tests;

/// <summary>Mesh onboarding against the sandbox over HTTP: the pods really get (and lose) the proxy, and every run is audited.</summary>
[Collection(DemoSandboxCollection.Name)]
public sealed class OnboardingTests(DemoSandbox sandbox)
{
    private readonly LinkerdDriver _driver = new();

    [Fact]
    public async Task Enabling_meshes_every_pod_with_complete_ordered_events_and_disabling_reverses_it()
    {
        using var admin = sandbox.Admin();
        var ns = await NamespaceWithWorkloadsAsync(admin);
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var alice = sandbox.As(DemoSandbox.Alice);
        var onboarding = new MeshOnboarding(alice, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Alice));

        var enabled = await onboarding.RunAsync(new OnboardingRequest(ns, Enable: true) { MaxConcurrency = 2 }).ToListAsync();

        AssertCompleteAndOrdered(enabled, ["api", "worker", "web"]);
        Assert.Contains(enabled, e => e.Type == OnboardingEventType.WorkloadSkipped && e.Workload == "legacy" && e.Message!.StartsWith("inject-disabled"));
        Assert.Contains(enabled, e => e.Type == OnboardingEventType.WorkloadSkipped && e.Workload == "node-agent" && e.Message!.StartsWith("host-network"));
        Assert.All(enabled.Where(e => e.Type == OnboardingEventType.WorkloadDone), e => Assert.Equal(e.TotalPods, e.MeshedPods));
        foreach (var app in new[] { "api", "worker", "web" })
        {
            Assert.All(await Workloads.PodsAsync(admin, ns, app), pod => Assert.True(Workloads.HasProxy(pod), $"{(string?)pod["metadata"]!["name"]} has no proxy"));
        }
        Assert.DoesNotContain(await Workloads.PodsAsync(admin, ns, "legacy"), Workloads.HasProxy);

        var disabled = await onboarding.RunAsync(new OnboardingRequest(ns, Enable: false)).ToListAsync();

        AssertCompleteAndOrdered(disabled, ["api", "worker", "web"]);
        Assert.DoesNotContain((await Workloads.PodsAsync(admin, ns)).Where(p => !p["metadata"]!["name"]!.ToString().StartsWith("debug")), Workloads.HasProxy);
        var records = await audit.Store.QueryAsync(new AuditQuery { Object = new AuditObjectSelector("Namespace", ns) });
        Assert.Equal(["mesh-enable", "mesh-disable"], records.Select(r => r.Operation));
        Assert.All(records, r => Assert.Equal(AuditOutcome.Allowed, r.Outcome));
        Assert.Contains(records[0].Objects, o => o.Kind == "Deployment" && o.Name == "api" && o.Action == "restart" && o.Status == "done");
        Assert.Contains("+    linkerd.io/inject: enabled", records[0].Diff);
    }

    [Fact]
    public async Task The_same_service_onboards_an_istio_namespace_through_the_istio_driver()
    {
        using var admin = sandbox.Admin();
        await InstallIstioInjectorAsync(admin);
        var ns = await Workloads.NewNamespaceAsync(admin, "istio");
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "shop", 2));
        await Workloads.ReadyAsync(admin, ns, "shop", 2);
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);

        var events = await new MeshOnboarding(admin, new Kubemate.Drivers.Istio.IstioDriver(), audit.Store, DemoSandbox.Context(DemoSandbox.Alice))
            .RunAsync(new OnboardingRequest(ns, Enable: true)).ToListAsync();

        AssertCompleteAndOrdered(events, ["shop"]);
        var nsObject = await admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{ns}", null, null, default);
        Assert.Equal("enabled", (string?)nsObject["metadata"]!["labels"]!["istio-injection"]);
        Assert.All(await Workloads.PodsAsync(admin, ns, "shop"), pod =>
            Assert.Contains(pod["spec"]!["containers"]!.AsArray(), c => (string?)c!["name"] == "istio-proxy"));
    }

    [Fact]
    public async Task A_dry_run_lists_restarts_and_skips_with_reasons_and_changes_nothing()
    {
        using var admin = sandbox.Admin();
        var ns = await NamespaceWithWorkloadsAsync(admin);
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var alice = sandbox.As(DemoSandbox.Alice);
        var before = await ClusterSnapshot.TakeSettledAsync(admin, ns);

        var plan = await new MeshOnboarding(alice, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Alice)).PlanAsync(new OnboardingRequest(ns, Enable: true));

        Assert.Equal(["api", "web", "worker"], plan.Restarts.Select(r => r.Name).Order());
        Assert.Equal(2, plan.Restarts.Single(r => r.Name == "api").Pods);
        Assert.Equal(SkipReasons.InjectDisabled, plan.Skipped.Single(s => s.Name == "legacy").Reason);
        Assert.Equal(SkipReasons.HostNetwork, plan.Skipped.Single(s => s.Name == "node-agent").Reason);
        Assert.Equal(SkipReasons.NoPodTemplate, plan.Skipped.Single(s => s.Name == "debug").Reason);
        Assert.Contains("linkerd.io/inject: enabled", plan.InjectionDiff.After);
        Assert.Equal(before, await ClusterSnapshot.TakeAsync(admin, ns));
        var record = Assert.Single(await audit.Store.QueryAsync(AuditQuery.All));
        Assert.True(record.DryRun);
        Assert.Equal("mesh-enable", record.Operation);
        Assert.Contains(record.Objects, o => o.Name == "legacy" && o.Status == "skipped" && o.Message!.StartsWith("inject-disabled"));
    }

    [Fact]
    public async Task A_gitops_export_gives_the_injection_yaml_applies_nothing_and_is_audited()
    {
        using var admin = sandbox.Admin();
        var ns = await NamespaceWithWorkloadsAsync(admin);
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var alice = sandbox.As(DemoSandbox.Alice);
        var before = await ClusterSnapshot.TakeSettledAsync(admin, ns);

        var export = await new MeshOnboarding(alice, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Alice))
            .ExportGitOpsAsync(new OnboardingRequest(ns, Enable: true));

        Assert.Equal($"cluster_namespace.core_{ns}.yaml", export.FileName);
        var exported = Kubemate.ApiMachinery.Yaml.YamlJson.ParseDocuments(export.Yaml).Single()!;
        Assert.Equal("Namespace", (string?)exported["kind"]);
        Assert.Equal(ns, (string?)exported["metadata"]!["name"]);
        Assert.Equal("enabled", (string?)exported["metadata"]!["annotations"]!["linkerd.io/inject"]);
        Assert.Equal(before, await ClusterSnapshot.TakeAsync(admin, ns));
        var record = Assert.Single(await audit.Store.QueryAsync(new AuditQuery { Object = new AuditObjectSelector("Namespace", ns) }));
        Assert.Equal(("gitops-export", AuditOutcome.Allowed, "alice"), (record.Operation, record.Outcome, record.User));
    }

    [Theory]
    [InlineData(AuditBackend.Sqlite)]
    [InlineData(AuditBackend.Postgres)]
    public async Task The_owner_of_orders_onboards_it_and_is_denied_payments_and_both_are_audited(string backend)
    {
        await using var audit = await AuditBackend.OpenAsync(backend);
        using var olivia = sandbox.As(DemoSandbox.Olivia);
        var onboarding = new MeshOnboarding(olivia, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Olivia));

        var off = await onboarding.RunAsync(new OnboardingRequest("orders", Enable: false)).ToListAsync();
        var on = await onboarding.RunAsync(new OnboardingRequest("orders", Enable: true)).ToListAsync();
        var denied = await onboarding.RunAsync(new OnboardingRequest("payments", Enable: false)).ToListAsync();

        AssertCompleteAndOrdered(off, ["orders", "inventory"]);
        AssertCompleteAndOrdered(on, ["orders", "inventory"]);
        using var admin = sandbox.Admin();
        Assert.All(await Workloads.PodsAsync(admin, "orders"), pod => Assert.True(Workloads.HasProxy(pod)));
        var failure = denied[^1];
        Assert.Equal(OnboardingEventType.Failed, failure.Type);
        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
        Assert.Contains("olivia", failure.Message);
        Assert.Contains("forbidden", failure.Message, StringComparison.OrdinalIgnoreCase);
        Assert.All(await Workloads.PodsAsync(admin, "payments"), pod => Assert.True(Workloads.HasProxy(pod)));

        var records = await audit.Store.QueryAsync(new AuditQuery { User = "olivia" });
        Assert.Equal([AuditOutcome.Allowed, AuditOutcome.Allowed, AuditOutcome.Denied], records.Select(r => r.Outcome));
        Assert.Equal(["orders", "orders", "payments"], records.Select(r => r.Objects[0].Name));
        Assert.All(records, r => Assert.Equal(["team-orders"], r.Groups));
        Assert.Contains("olivia", records[2].Objects[0].Message);
        Assert.True((await audit.Store.VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task A_dry_run_the_user_may_not_make_is_audited_as_denied_and_throws_the_clusters_403()
    {
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var olivia = sandbox.As(DemoSandbox.Olivia);

        var error = await Assert.ThrowsAsync<ClusterApiException>(() =>
            new MeshOnboarding(olivia, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Olivia)).PlanAsync(new OnboardingRequest("payments", Enable: false)));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        var record = Assert.Single(await audit.Store.QueryAsync(AuditQuery.All));
        Assert.Equal((true, AuditOutcome.Denied, "denied"), (record.DryRun, record.Outcome, record.Objects[0].Status));
    }

    [Fact]
    public async Task A_workload_that_does_not_finish_in_time_fails_alone_and_the_run_is_audited_as_partial()
    {
        using var admin = sandbox.Admin();
        var ns = await Workloads.NewNamespaceAsync(admin, "slow");
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "api", 1));
        await Workloads.ReadyAsync(admin, ns, "api", 1);
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);

        // New pods take the simulation's pod start delay (300 ms) to become ready: a millisecond is never enough.
        var events = await new MeshOnboarding(admin, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Alice))
            .RunAsync(new OnboardingRequest(ns, Enable: true) { RolloutTimeout = TimeSpan.FromMilliseconds(1) }).ToListAsync();

        Assert.Contains(events, e => e.Type == OnboardingEventType.WorkloadFailed && e.Workload == "api" && e.Message!.Contains("did not finish"));
        Assert.Equal((OnboardingEventType.Completed, "0 restarted, 1 failed, 0 skipped"), (events[^1].Type, events[^1].Message));
        var record = Assert.Single(await audit.Store.QueryAsync(AuditQuery.All));
        Assert.Equal(AuditOutcome.Partial, record.Outcome);
        Assert.Contains(record.Objects, o => o.Name == "api" && o.Status == "failed");
    }

    [Fact]
    public async Task A_reader_that_stops_early_stops_the_run_which_is_still_audited()
    {
        using var admin = sandbox.Admin();
        var ns = await Workloads.NewNamespaceAsync(admin, "stop");
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "api", 1));
        await Workloads.ReadyAsync(admin, ns, "api", 1);
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var stop = new CancellationTokenSource();
        var seen = new List<OnboardingEvent>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in new MeshOnboarding(admin, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Alice)).RunAsync(new OnboardingRequest(ns, Enable: true), stop.Token))
            {
                seen.Add(item);
                if (item.Type == OnboardingEventType.Restarting)
                {
                    await stop.CancelAsync();
                }
            }
        });

        Assert.DoesNotContain(seen, e => e.Type is OnboardingEventType.Completed or OnboardingEventType.Failed);
        var record = Assert.Single(await audit.Store.QueryAsync(AuditQuery.All));
        Assert.Equal(AuditOutcome.Partial, record.Outcome);
        Assert.Contains(record.Objects, o => o.Status == "cancelled");
    }

    [Fact]
    public async Task Enabling_one_workload_annotates_its_template_and_rolls_only_it()
    {
        using var admin = sandbox.Admin();
        var ns = await NamespaceWithWorkloadsAsync(admin);
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var alice = sandbox.As(DemoSandbox.Alice);
        var webPods = (await Workloads.PodsAsync(admin, ns, "web")).Select(p => (string?)p["metadata"]!["name"]).ToList();

        var events = await new MeshOnboarding(alice, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Alice))
            .RunAsync(new OnboardingRequest(ns, Enable: true) { Workload = "deployment/api" }).ToListAsync();

        AssertCompleteAndOrdered(events, ["api"]);
        Assert.All(await Workloads.PodsAsync(admin, ns, "api"), pod => Assert.True(Workloads.HasProxy(pod)));
        Assert.Equal(webPods, (await Workloads.PodsAsync(admin, ns, "web")).Select(p => (string?)p["metadata"]!["name"]));
        var deployment = await admin.SendAsync(HttpMethod.Get, $"apis/apps/v1/namespaces/{ns}/deployments/api", null, null, default);
        Assert.Equal("enabled", (string?)deployment["spec"]!["template"]!["metadata"]!["annotations"]!["linkerd.io/inject"]);
        var nsObject = await admin.SendAsync(HttpMethod.Get, $"api/v1/namespaces/{ns}", null, null, default);
        Assert.Null(nsObject["metadata"]!["annotations"]?["linkerd.io/inject"]);
    }

    [Fact]
    public async Task Status_shows_meshed_pods_proxy_version_and_where_injection_comes_from()
    {
        using var admin = sandbox.Admin();
        using var audrey = sandbox.As(new("audrey", ["auditors"]));

        var status = Assert.Single(await MeshStatusReader.ReadAsync(audrey, _driver, "web", default));
        var all = await MeshStatusReader.ReadAsync(audrey, _driver, null, default);

        Assert.True(status.InjectionEnabled);
        var frontend = Assert.Single(status.Workloads);
        Assert.Equal(("Deployment", "frontend", 2, 2, "namespace"), (frontend.Kind, frontend.Name, frontend.MeshedPods, frontend.TotalPods, frontend.InjectionSource));
        Assert.False(string.IsNullOrEmpty(frontend.ProxyVersion));
        Assert.True(frontend.Injectable);
        var users = all.Single(n => n.Name == "users");
        Assert.False(users.InjectionEnabled);
        Assert.All(users.Workloads, w => Assert.Equal((0, "none"), (w.MeshedPods, w.InjectionSource)));
        Assert.Equal(users.Workloads.Sum(w => w.TotalPods), users.TotalPods);
        var control = all.Single(n => n.Name == "linkerd");
        Assert.All(control.Workloads, w => Assert.Equal("namespace", w.InjectionSource));
    }

    [Fact]
    public async Task Status_names_the_workload_as_the_source_of_an_opt_out()
    {
        using var admin = sandbox.Admin();
        var ns = await NamespaceWithWorkloadsAsync(admin);

        var status = Assert.Single(await MeshStatusReader.ReadAsync(admin, _driver, ns, default));

        var legacy = status.Workloads.Single(w => w.Name == "legacy");
        Assert.Equal(("workload", false, SkipReasons.InjectDisabled), (legacy.InjectionSource, legacy.Injectable, legacy.SkipReason));
        var agent = status.Workloads.Single(w => w.Name == "node-agent");
        Assert.Equal((false, SkipReasons.HostNetwork), (agent.Injectable, agent.SkipReason));
        Assert.Equal(status.Workloads.Sum(w => w.TotalPods) + 1, status.TotalPods);
    }

    [Theory]
    [InlineData("job/nightly", "workload: 'job' is not a workload kind")]
    [InlineData("deployment/", "workload: 'deployment/' is not KIND/NAME or NAME")]
    public async Task A_bad_request_is_refused_before_anything_is_sent_or_audited(string workload, string message)
    {
        await using var audit = await AuditBackend.OpenAsync(AuditBackend.Sqlite);
        using var alice = sandbox.As(DemoSandbox.Alice);
        var onboarding = new MeshOnboarding(alice, _driver, audit.Store, DemoSandbox.Context(DemoSandbox.Alice));

        var error = Assert.Throws<ArgumentException>(() => onboarding.RunAsync(new OnboardingRequest("orders", true) { Workload = workload }));
        var concurrency = await Assert.ThrowsAsync<ArgumentException>(() => onboarding.PlanAsync(new OnboardingRequest("orders", true) { MaxConcurrency = 0 }));

        Assert.StartsWith(message, error.Message);
        Assert.StartsWith("maxConcurrency: must be at least 1", concurrency.Message);
        Assert.Empty(await audit.Store.QueryAsync(AuditQuery.All));
    }

    /// <summary>
    /// Started first; a strictly increasing sequence from 1; per restarted workload Restarting, then Progress,
    /// then WorkloadDone; Completed last.
    /// </summary>
    private static void AssertCompleteAndOrdered(IReadOnlyList<OnboardingEvent> events, string[] restarted)
    {
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(OnboardingEventType.Started, events[0].Type);
        Assert.Equal(OnboardingEventType.InjectionApplied, events[1].Type);
        Assert.Equal(OnboardingEventType.Completed, events[^1].Type);
        Assert.Single(events, e => e.Type is OnboardingEventType.Completed or OnboardingEventType.Failed);
        Assert.Equal(restarted.Order(), events.Where(e => e.Type == OnboardingEventType.Restarting).Select(e => e.Workload!).Order());
        foreach (var name in restarted)
        {
            var own = events.Skip(2).SkipLast(1).Where(e => e.Workload == name).Select(e => e.Type).ToList();
            Assert.Equal(OnboardingEventType.Restarting, own[0]);
            Assert.Equal(OnboardingEventType.WorkloadDone, own[^1]);
            Assert.All(own.Skip(1).SkipLast(1), t => Assert.Equal(OnboardingEventType.Progress, t));
            Assert.NotEmpty(own.Skip(1).SkipLast(1));
        }
        Assert.DoesNotContain(events, e => e.Type == OnboardingEventType.WorkloadFailed);
    }

    /// <summary>The sandbox injects Istio sidecars once istiod's webhook configuration exists, as a cluster with Istio installed does.</summary>
    private static async Task InstallIstioInjectorAsync(Kubemate.Cluster.Http.ClusterApi admin)
    {
        const string path = "apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations";
        if (await admin.GetOrNullAsync($"{path}/istio-sidecar-injector", default) is not null)
        {
            return;
        }
        await admin.SendAsync(HttpMethod.Post, path, new JsonObject
        {
            ["apiVersion"] = "admissionregistration.k8s.io/v1",
            ["kind"] = "MutatingWebhookConfiguration",
            ["metadata"] = new JsonObject { ["name"] = "istio-sidecar-injector" },
            ["webhooks"] = new JsonArray(new JsonObject
            {
                ["name"] = "namespace.sidecar-injector.istio.io",
                ["admissionReviewVersions"] = new JsonArray("v1"),
                ["sideEffects"] = "None",
                ["clientConfig"] = new JsonObject { ["service"] = new JsonObject { ["name"] = "istiod", ["namespace"] = "istio-system", ["path"] = "/inject" } },
            }),
        }, "application/json", default);
    }

    /// <summary>
    /// api (2 replicas), worker (1), web (2), legacy (opts out), node-agent (hostNetwork) and a bare pod "debug";
    /// nothing meshed yet.
    /// </summary>
    private static async Task<string> NamespaceWithWorkloadsAsync(Kubemate.Cluster.Http.ClusterApi admin)
    {
        var ns = await Workloads.NewNamespaceAsync(admin, "onb");
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "api", 2));
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "worker", 1));
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "web", 2));
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "legacy", 1, new JsonObject { ["linkerd.io/inject"] = "disabled" }));
        await Workloads.CreateAsync(admin, Workloads.Deployment(ns, "node-agent", 1, hostNetwork: true));
        await Workloads.CreateAsync(admin, Workloads.BarePod(ns, "debug"));
        foreach (var (name, replicas) in new[] { ("api", 2), ("worker", 1), ("web", 2), ("legacy", 1), ("node-agent", 1) })
        {
            await Workloads.ReadyAsync(admin, ns, name, replicas);
        }
        return ns;
    }
}
