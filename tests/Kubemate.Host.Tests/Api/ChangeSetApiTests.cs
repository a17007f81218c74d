using System.Net;
using System.Text.Json.Nodes;
using Kubemate.Cluster.Http;
using Kubemate.Host.Tests.Support;
using static Kubemate.Host.Tests.Support.ChangeSets;

namespace Kubemate.Host.Tests.Api;

[Collection(HostCollection.Name)]
public sealed class ChangeSetApiTests(HostFixture host)
{
    [Fact]
    public async Task A_previewed_change_applies_exactly_once()
    {
        using var alice = await host.SignInAsync("alice");
        var preview = await alice.PostJsonAsync("/api/v1/changesets/preview", Objects(ConfigMap("default", "previewed", "one")));
        var objects = preview["objects"]!.AsArray();
        Assert.Equal("DryRunOk", (string?)objects[0]!["status"]);
        Assert.Contains("one", (string?)objects[0]!["diff"]!["after"]);
        Assert.Null(await host.Admin().GetOrNullAsync("api/v1/namespaces/default/configmaps/previewed", default));

        var applied = await alice.PostJsonAsync("/api/v1/changesets/apply", new JsonObject { ["previewId"] = (string)preview["previewId"]! });
        Assert.True((bool)applied["succeeded"]!);
        Assert.Equal("Applied", (string?)applied["objects"]![0]!["status"]);
        Assert.NotNull(await host.Admin().GetOrNullAsync("api/v1/namespaces/default/configmaps/previewed", default));

        using var again = await alice.PostAsync("/api/v1/changesets/apply", new JsonObject { ["previewId"] = (string)preview["previewId"]! });
        await Json.ProblemAsync(again, HttpStatusCode.NotFound, "previewId");
    }

    [Fact]
    public async Task A_schema_violation_in_one_object_leaves_the_cluster_exactly_as_before()
    {
        using var admin = host.Admin();
        var ns = await Workloads.NewNamespaceAsync(admin, "schema");
        using var alice = await host.SignInAsync("alice");
        var yaml = $"""
            apiVersion: v1
            kind: ConfigMap
            metadata: {"{"}name: first, namespace: {ns}{"}"}
            data: {"{"}a: "1"{"}"}
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {"{"}name: broken, namespace: {ns}{"}"}
            spec:
              parentRefs: not-a-list
            """;
        var before = await ClusterSnapshot.TakeAsync(admin);
        using var response = await alice.PostAsync("/api/v1/changesets/apply", new JsonObject { ["yaml"] = yaml });
        var problem = await Json.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "yaml[1]");
        Assert.Contains("parentRefs", problem["errors"]!["yaml[1]"]![0]!.GetValue<string>());
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(admin));
    }

    [Fact]
    public async Task An_rbac_denial_on_the_last_object_leaves_the_cluster_exactly_as_before()
    {
        using var admin = host.Admin();
        using var olivia = await host.SignInAsync("olivia");
        var before = await ClusterSnapshot.TakeAsync(admin);
        using var response = await olivia.PostAsync("/api/v1/changesets/apply", Objects(
            ConfigMap("orders", "rbac-first", "1"), ConfigMap("orders", "rbac-second", "2"), ConfigMap("payments", "rbac-last", "3")));
        var problem = await Json.ProblemAsync(response, HttpStatusCode.Forbidden, "objects[2]");
        Assert.Contains("forbidden", problem["errors"]!["objects[2]"]![0]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(admin));
        Assert.Null(await admin.GetOrNullAsync("api/v1/namespaces/orders/configmaps/rbac-first", default));
    }

    [Fact]
    public async Task The_second_of_two_users_editing_the_same_object_gets_a_conflict_naming_the_field_and_the_other_user()
    {
        using var admin = host.Admin();
        using var alice = await host.SignInAsync("alice");
        using var olivia = await host.SignInAsync("olivia");
        await olivia.PostJsonAsync("/api/v1/changesets/apply", Objects(ConfigMap("orders", "shared", "0")));
        var alicePreview = await alice.PostJsonAsync("/api/v1/changesets/preview", Objects(ConfigMap("orders", "shared", "alice")));
        var oliviaPreview = await olivia.PostJsonAsync("/api/v1/changesets/preview", Objects(ConfigMap("orders", "shared", "olivia")));
        await alice.PostJsonAsync("/api/v1/changesets/apply", new JsonObject { ["previewId"] = (string)alicePreview["previewId"]! });

        using var second = await olivia.PostAsync("/api/v1/changesets/apply", new JsonObject { ["previewId"] = (string)oliviaPreview["previewId"]! });
        var problem = await Json.ProblemAsync(second, HttpStatusCode.Conflict);
        var conflict = problem["conflicts"]!.AsArray().Single()!;
        Assert.Equal(".data.value", (string?)conflict["field"]);
        Assert.Equal("kubemate", (string?)conflict["manager"]);
        Assert.Equal("alice", (string?)conflict["changedBy"]);
        var now = await admin.GetOrNullAsync("api/v1/namespaces/orders/configmaps/shared", default);
        Assert.Equal("alice", (string?)now!["data"]!["value"]);
    }

    [Fact]
    public async Task A_field_owned_by_another_manager_is_a_conflict_unless_forced()
    {
        using var admin = host.Admin();
        var ns = await Workloads.NewNamespaceAsync(admin, "owned");
        await admin.SendAsync(HttpMethod.Patch, $"api/v1/namespaces/{ns}/configmaps/tuned?fieldManager=kubectl",
            ConfigMap(ns, "tuned", "by-kubectl"), ClusterApi.ApplyPatch, default);
        using var alice = host.Bearer("alice");
        using var refused = await alice.PostAsync("/api/v1/changesets/apply", Objects(ConfigMap(ns, "tuned", "by-kubemate")));
        var problem = await Json.ProblemAsync(refused, HttpStatusCode.Conflict);
        Assert.Contains(problem["conflicts"]!.AsArray(), c => (string?)c!["manager"] == "kubectl" && ((string?)c["field"])!.Contains("data", StringComparison.Ordinal));

        var forced = await alice.PostJsonAsync("/api/v1/changesets/apply", new JsonObject
        {
            ["objects"] = new JsonArray(ConfigMap(ns, "tuned", "by-kubemate")),
            ["force"] = true,
        });
        Assert.True((bool)forced["succeeded"]!);
    }

    [Fact]
    public async Task Gitops_mode_returns_yaml_and_changes_nothing()
    {
        using var admin = host.Admin();
        using var alice = host.Bearer("alice");
        var before = await ClusterSnapshot.TakeAsync(admin);
        using var response = await alice.PostAsync("/api/v1/changesets/apply", new JsonObject
        {
            ["objects"] = new JsonArray(ConfigMap("default", "exported", "x")),
            ["gitops"] = true,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/yaml", response.Content.Headers.ContentType?.MediaType);
        var yaml = await response.Content.ReadAsStringAsync();
        Assert.Contains("name: exported", yaml);
        ClusterSnapshot.AssertSame(before, await ClusterSnapshot.TakeAsync(admin));
    }
}
