using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;
using static Kubemate.ApiMachinery.Tests.FieldManagement.Deployments;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

public class ServerSideApplyTests
{
    private const string KubemateAppliedDeployment =
        """{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""";

    [Fact]
    public void Apply_creates_the_object_and_records_the_applied_fields()
    {
        var result = ServerSideApply.Apply(null, Config(), "kubemate", force: false, TestShapes.Deployment, T0);

        Assert.True(result.Succeeded);
        Assert.True(result.Changed);
        var entry = Json.Entry(result.Object!, "kubemate")!;
        Assert.Equal(
            """{"manager":"kubemate","operation":"Apply","apiVersion":"apps/v1","time":"2025-03-01T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":""" + KubemateAppliedDeployment + "}",
            Json.Compact(entry));
        Assert.Equal(Json.Compact(Config()), Json.Compact(ManagedFields.Without(result.Object!)));
    }

    [Fact]
    public void Applying_the_same_values_as_another_manager_shares_ownership()
    {
        var live = CreatedByClientSideApply();
        var config = With(Config(), c => c["metadata"]!["labels"]!["team"] = "payments");

        var result = ServerSideApply.Apply(live, config, "kubemate", force: false, TestShapes.Deployment, T1);

        Assert.True(result.Succeeded);
        var stored = result.Object!;
        Assert.Equal("payments", (string?)stored["metadata"]!["labels"]!["team"]);
        Assert.Equal("0b9d7f4e-1c2a-4e55-9d5e-6f7a8b9c0d1e", (string?)stored["metadata"]!["uid"]);
        var clientSide = FieldSet.FromFieldsV1(Json.Entry(stored, "kubectl-client-side-apply", "Update")!["fieldsV1"]);
        var kubemate = FieldSet.FromFieldsV1(Json.Entry(stored, "kubemate")!["fieldsV1"]);
        var replicas = FieldPath.Fields("spec", "replicas");
        var team = FieldPath.Fields("metadata", "labels", "team");
        Assert.True(clientSide.Contains(replicas));
        Assert.True(kubemate.Contains(replicas));
        Assert.True(kubemate.Contains(team));
        Assert.False(clientSide.Contains(team));
        Assert.Equal("2025-03-01T11:00:00Z", (string?)Json.Entry(stored, "kubemate")!["time"]);
    }

    [Fact]
    public void Apply_entries_come_before_update_entries()
    {
        var live = CreatedByClientSideApply();

        var result = ServerSideApply.Apply(live, Config(), "kubemate", force: false, TestShapes.Deployment, T1);

        var managers = result.Object!["metadata"]!["managedFields"]!.AsArray().Select(e => (string?)e!["manager"]).ToList();
        Assert.Equal(["kubemate", "kubectl-client-side-apply"], managers);
    }

    [Fact]
    public void A_field_another_manager_set_to_a_different_value_conflicts_and_nothing_changes()
    {
        var live = CreatedByClientSideApply(replicas: 2);
        var before = Json.Compact(live);

        var result = ServerSideApply.Apply(live, Config(replicas: 3), "kubemate", force: false, TestShapes.Deployment, T1);

        Assert.False(result.Succeeded);
        Assert.Null(result.Object);
        Assert.False(result.Changed);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(".spec.replicas", conflict.Field);
        Assert.Equal("kubectl-client-side-apply", conflict.Manager);
        Assert.Equal("conflict with \"kubectl-client-side-apply\" using apps/v1", conflict.Message);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-client-side-apply\" using apps/v1: .spec.replicas", result.ConflictMessage);
        Assert.Equal(before, Json.Compact(live));
    }

    [Fact]
    public void Every_conflict_is_listed_under_its_manager()
    {
        var live = CreatedByClientSideApply(replicas: 2);

        var result = ServerSideApply.Apply(live, Config(replicas: 3, image: "nginx:1.28"), "kubemate", force: false, TestShapes.Deployment, T1);

        Assert.Equal(
            "Apply failed with 2 conflicts: conflicts with \"kubectl-client-side-apply\" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name=\"web\"].image",
            result.ConflictMessage);
    }

    [Fact]
    public void Conflicts_with_several_managers_are_grouped_by_manager_in_name_order()
    {
        var live = CreatedByClientSideApply();
        live = ServerSideApply.Apply(live, Config(image: "nginx:1.27"), "argocd", force: false, TestShapes.Deployment, T1).Object!;

        var result = ServerSideApply.Apply(live, Config(replicas: 5, image: "nginx:1.28"), "kubemate", force: false, TestShapes.Deployment, T2);

        Assert.Equal(
            "Apply failed with 4 conflicts: conflicts with \"argocd\":\n- .spec.replicas\n- .spec.template.spec.containers[name=\"web\"].image"
            + "\nconflicts with \"kubectl-client-side-apply\" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name=\"web\"].image",
            result.ConflictMessage);
        Assert.Equal(4, result.Conflicts.Count);
        Assert.Equal(["argocd", "argocd", "kubectl-client-side-apply", "kubectl-client-side-apply"], result.Conflicts.Select(c => c.Manager));
    }

    [Fact]
    public void Force_takes_ownership_from_the_other_manager()
    {
        var live = CreatedByClientSideApply(replicas: 2);

        var result = ServerSideApply.Apply(live, Config(replicas: 3), "kubemate", force: true, TestShapes.Deployment, T1);

        Assert.True(result.Succeeded);
        var stored = result.Object!;
        Assert.Equal(3, (int)stored["spec"]!["replicas"]!);
        var replicas = FieldPath.Fields("spec", "replicas");
        Assert.True(FieldSet.FromFieldsV1(Json.Entry(stored, "kubemate")!["fieldsV1"]).Contains(replicas));
        Assert.False(FieldSet.FromFieldsV1(Json.Entry(stored, "kubectl-client-side-apply", "Update")!["fieldsV1"]).Contains(replicas));
    }

    [Fact]
    public void A_field_dropped_from_the_applied_config_is_deleted()
    {
        var first = With(Config(), c => c["metadata"]!["labels"]!["team"] = "payments");
        var live = ServerSideApply.Apply(null, first, "kubemate", force: false, TestShapes.Deployment, T0).Object!;

        var result = ServerSideApply.Apply(live, Config(), "kubemate", force: false, TestShapes.Deployment, T1);

        var labels = result.Object!["metadata"]!["labels"]!.AsObject();
        Assert.False(labels.ContainsKey("team"));
        Assert.Equal(KubemateAppliedDeployment, Json.FieldsOf(result.Object!, "kubemate"));
    }

    [Fact]
    public void A_field_dropped_from_the_applied_config_stays_while_another_manager_owns_it()
    {
        var live = ServerSideApply.Apply(CreatedByClientSideApply(), Config(), "kubemate", force: false, TestShapes.Deployment, T1).Object!;
        var withoutReplicas = With(Config(), c => c["spec"]!.AsObject().Remove("replicas"));

        var result = ServerSideApply.Apply(live, withoutReplicas, "kubemate", force: false, TestShapes.Deployment, T2);

        Assert.Equal(2, (int)result.Object!["spec"]!["replicas"]!);
        Assert.False(FieldSet.FromFieldsV1(Json.Entry(result.Object!, "kubemate")!["fieldsV1"]).Contains(FieldPath.Fields("spec", "replicas")));
    }

    [Fact]
    public void A_struct_dropped_from_the_applied_config_goes_whole_with_its_unowned_fields()
    {
        var withStrategy = With(Config(), c => c["spec"]!["strategy"] = new JsonObject { ["type"] = "Recreate" });
        var live = ServerSideApply.Apply(null, withStrategy, "kubemate", force: false, TestShapes.Deployment, T0).Object!;
        live["spec"]!["strategy"]!["rollingUpdate"] = new JsonObject { ["maxSurge"] = "25%" }; // a default nobody owns

        var result = ServerSideApply.Apply(live, Config(), "kubemate", force: false, TestShapes.Deployment, T1);

        Assert.False(result.Object!["spec"]!.AsObject().ContainsKey("strategy"));
    }

    [Fact]
    public void Fields_nobody_owns_survive_a_reapply()
    {
        var live = ServerSideApply.Apply(null, Config(), "kubemate", force: false, TestShapes.Deployment, T0).Object!;
        live["spec"]!["revisionHistoryLimit"] = 10; // defaulted by the server
        Container(live, "web")["terminationMessagePath"] = "/dev/termination-log";

        var result = ServerSideApply.Apply(live, Config(image: "nginx:1.28"), "kubemate", force: false, TestShapes.Deployment, T1);

        Assert.Equal(10, (int)result.Object!["spec"]!["revisionHistoryLimit"]!);
        Assert.Equal("/dev/termination-log", (string?)Container(result.Object!, "web")["terminationMessagePath"]);
        Assert.Equal("nginx:1.28", (string?)Container(result.Object!, "web")["image"]);
    }

    [Fact]
    public void Containers_merge_by_name()
    {
        var live = CreatedByClientSideApply();
        Container(live, "web")["imagePullPolicy"] = "IfNotPresent";
        var proxy = Json.Parse("""
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"},
             "spec": {"template": {"spec": {"containers": [
               {"name": "proxy", "image": "ghcr.io/linkerd/proxy:stable-2.14.10"},
               {"name": "web", "image": "nginx:1.27"}]}}}}
            """);

        var result = ServerSideApply.Apply(live, proxy, "kubemate", force: false, TestShapes.Deployment, T1);

        var containers = result.Object!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["proxy", "web"], containers.Select(c => (string?)c!["name"]));
        Assert.Equal("IfNotPresent", (string?)Container(result.Object!, "web")["imagePullPolicy"]);
        Assert.Equal(
            """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"proxy\"}":{".":{},"f:image":{},"f:name":{}},"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""",
            Json.FieldsOf(result.Object!, "kubemate"));
    }

    [Fact]
    public void New_list_elements_go_where_the_config_puts_them_between_shared_ones()
    {
        var live = CreatedByClientSideApply();
        live = FieldManager.RecordUpdate(
            live,
            With(live, d => Container(d, "web")["env"] = JsonNode.Parse("""[{"name": "A", "value": "1"}, {"name": "B", "value": "2"}, {"name": "C", "value": "3"}]""")),
            "kubectl-edit",
            ManagedFieldsOperation.Update,
            "apps/v1",
            TestShapes.Deployment,
            T1);
        var env = With(Config(), c => Container(c, "web")["env"] = JsonNode.Parse("""[{"name": "A", "value": "1"}, {"name": "X", "value": "9"}, {"name": "C", "value": "3"}]"""));

        var result = ServerSideApply.Apply(live, env, "kubemate", force: false, TestShapes.Deployment, T2);

        Assert.Equal(["A", "B", "X", "C"], Container(result.Object!, "web")["env"]!.AsArray().Select(e => (string?)e!["name"]));
    }

    [Fact]
    public void A_container_dropped_from_the_applied_config_is_removed_whole()
    {
        var twoContainers = With(Config(), c => c["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
            .Add(new JsonObject { ["name"] = "metrics", ["image"] = "prom/statsd-exporter:v0.26.0" }));
        var live = ServerSideApply.Apply(null, twoContainers, "kubemate", force: false, TestShapes.Deployment, T0).Object!;
        Container(live, "metrics")["terminationMessagePolicy"] = "File"; // defaulted, owned by nobody

        var result = ServerSideApply.Apply(live, Config(), "kubemate", force: false, TestShapes.Deployment, T1);

        var containers = result.Object!["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        Assert.Equal(["web"], containers.Select(c => (string?)c!["name"]));
    }

    [Fact]
    public void Ports_merge_by_container_port_and_protocol()
    {
        var live = CreatedByClientSideApply();
        live = FieldManager.RecordUpdate(
            live,
            With(live, d => Container(d, "web")["ports"] = JsonNode.Parse("""[{"name": "http", "containerPort": 80, "protocol": "TCP"}]""")),
            "kubectl-edit",
            ManagedFieldsOperation.Update,
            "apps/v1",
            TestShapes.Deployment,
            T1);
        var ports = Json.Parse("""
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
             "spec": {"template": {"spec": {"containers": [{"name": "web", "ports": [
               {"containerPort": 80},
               {"containerPort": 53, "protocol": "UDP", "name": "dns"},
               {"containerPort": 53, "protocol": "TCP", "name": "dns-tcp"}]}]}}}}
            """);

        var result = ServerSideApply.Apply(live, ports, "kubemate", force: false, TestShapes.Deployment, T2);

        Assert.True(result.Succeeded, result.ConflictMessage);
        var merged = Container(result.Object!, "web")["ports"]!.AsArray();
        Assert.Equal(
            """[{"name":"http","containerPort":80,"protocol":"TCP"},{"containerPort":53,"protocol":"UDP","name":"dns"},{"containerPort":53,"protocol":"TCP","name":"dns-tcp"}]""",
            Json.Compact(merged));
        Assert.Equal(
            """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:name":{},"f:ports":{"k:{\"containerPort\":53,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:name":{},"f:protocol":{}},"k:{\"containerPort\":53,\"protocol\":\"UDP\"}":{".":{},"f:containerPort":{},"f:name":{},"f:protocol":{}},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{}}}}}}}}}""",
            Json.FieldsOf(result.Object!, "kubemate"));
    }

    [Fact]
    public void Set_lists_are_unioned_across_managers_and_pruned_per_manager()
    {
        var team = Gateway("""["www.bank.example", "api.bank.example"]""");
        var platform = Gateway("""["status.bank.example"]""");
        var live = ServerSideApply.Apply(null, team, "team", force: false, TestShapes.Gateway, T0).Object!;
        live = ServerSideApply.Apply(live, platform, "platform", force: false, TestShapes.Gateway, T1).Object!;
        Assert.Equal("""["www.bank.example","api.bank.example","status.bank.example"]""", Json.Compact(live["spec"]!["hosts"]));

        var result = ServerSideApply.Apply(live, Gateway("""["www.bank.example"]"""), "team", force: false, TestShapes.Gateway, T2);

        Assert.Equal("""["www.bank.example","status.bank.example"]""", Json.Compact(result.Object!["spec"]!["hosts"]));
        Assert.Equal("""{"f:spec":{"f:hosts":{"v:\"www.bank.example\"":{}}}}""", Json.FieldsOf(result.Object!, "team"));
    }

    [Fact]
    public void Finalizers_are_a_set_of_values()
    {
        var withFinalizer = Json.Parse("""
            {"apiVersion": "gateway.example.com/v1", "kind": "Gateway",
             "metadata": {"name": "edge", "finalizers": ["gateway.example.com/cleanup"]}}
            """);
        var live = ServerSideApply.Apply(null, Gateway("""["www.bank.example"]"""), "team", force: false, TestShapes.Gateway, T0).Object!;

        var result = ServerSideApply.Apply(live, withFinalizer, "gateway-controller", force: false, TestShapes.Gateway, T1);

        Assert.Equal("""{"f:metadata":{"f:finalizers":{"v:\"gateway.example.com/cleanup\"":{}}}}""", Json.FieldsOf(result.Object!, "gateway-controller"));
        Assert.Equal("""["gateway.example.com/cleanup"]""", Json.Compact(result.Object!["metadata"]!["finalizers"]));
    }

    [Fact]
    public void Atomic_lists_are_replaced_whole_and_conflict_as_one_field()
    {
        var live = CreatedByClientSideApply();
        live = FieldManager.RecordUpdate(
            live,
            With(live, d => Container(d, "web")["args"] = new JsonArray("--port", "8080", "--verbose")),
            "kubectl-edit",
            ManagedFieldsOperation.Update,
            "apps/v1",
            TestShapes.Deployment,
            T1);
        var args = With(Config(), c => Container(c, "web")["args"] = new JsonArray("--port", "9090"));

        var refused = ServerSideApply.Apply(live, args, "kubemate", force: false, TestShapes.Deployment, T2);
        var forced = ServerSideApply.Apply(live, args, "kubemate", force: true, TestShapes.Deployment, T2);

        Assert.Equal(".spec.template.spec.containers[name=\"web\"].args", Assert.Single(refused.Conflicts).Field);
        Assert.Equal("""["--port","9090"]""", Json.Compact(Container(forced.Object!, "web")["args"]));
        Assert.Null(Json.Entry(forced.Object!, "kubectl-edit", "Update"));
    }

    [Fact]
    public void Reapplying_the_same_configuration_changes_nothing_and_keeps_the_time()
    {
        var live = ServerSideApply.Apply(null, Config(), "kubemate", force: false, TestShapes.Deployment, T0).Object!;

        var result = ServerSideApply.Apply(live, Config(), "kubemate", force: false, TestShapes.Deployment, T1);

        Assert.True(result.Succeeded);
        Assert.False(result.Changed);
        Assert.Equal(Json.Compact(live), Json.Compact(result.Object));
    }

    [Fact]
    public void Status_owned_through_the_status_subresource_is_named_in_the_conflict()
    {
        var live = CreatedByClientSideApply();
        live = FieldManager.RecordUpdate(
            live,
            With(live, d => d["status"] = new JsonObject { ["replicas"] = 2 }),
            "kube-controller-manager",
            ManagedFieldsOperation.Update,
            "apps/v1",
            TestShapes.Deployment,
            T1,
            subresource: "status");
        var config = With(Config(), c => c["status"] = new JsonObject { ["replicas"] = 7 });

        var result = ServerSideApply.Apply(live, config, "kubemate", force: false, TestShapes.Deployment, T2);

        Assert.Equal(
            "Apply failed with 1 conflict: conflict with \"kube-controller-manager\" with subresource \"status\" using apps/v1: .status.replicas",
            result.ConflictMessage);
    }

    [Fact]
    public void An_object_without_managed_fields_is_first_attributed_to_before_first_apply()
    {
        var live = ManagedFields.Without(CreatedByClientSideApply(replicas: 2));

        var result = ServerSideApply.Apply(live, Config(replicas: 4), "kubemate", force: false, TestShapes.Deployment, T1);

        Assert.Equal("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: .spec.replicas", result.ConflictMessage);
    }

    [Fact]
    public void Duplicate_keys_in_the_applied_config_are_rejected_with_the_list_path()
    {
        var config = With(Config(), c => c["spec"]!["template"]!["spec"]!["containers"]!.AsArray()
            .Add(new JsonObject { ["name"] = "web", ["image"] = "nginx:1.28" }));

        var error = Assert.Throws<FieldManagementException>(() => ServerSideApply.Apply(null, config, "kubemate", force: false, TestShapes.Deployment, T0));

        Assert.Equal(".spec.template.spec.containers: duplicate entries for key [name=\"web\"]", error.Message);
    }

    [Fact]
    public void Managed_fields_in_the_applied_config_are_refused()
    {
        var config = With(Config(), c => c["metadata"]!["managedFields"] = new JsonArray());

        var error = Assert.Throws<FieldManagementException>(() => ServerSideApply.Apply(null, config, "kubemate", force: false, TestShapes.Deployment, T0));

        Assert.Equal("metadata.managedFields must be nil", error.Message);
    }

    [Fact]
    public void An_apply_without_a_field_manager_is_refused()
    {
        var error = Assert.Throws<FieldManagementException>(() => ServerSideApply.Apply(null, Config(), "", force: false, TestShapes.Deployment, T0));

        Assert.Equal("fieldManager: Required value: is required for apply patch", error.Message);
    }

    [Fact]
    public void An_apply_without_kind_is_refused()
    {
        var config = With(Config(), c => c.Remove("kind"));

        var error = Assert.Throws<FieldManagementException>(() => ServerSideApply.Apply(null, config, "kubemate", force: false, TestShapes.Deployment, T0));

        Assert.Equal("kind", error.Field);
    }

    private static JsonObject Gateway(string hosts) => Json.Parse($$$"""
        {"apiVersion": "gateway.example.com/v1", "kind": "Gateway", "metadata": {"name": "edge"}, "spec": {"hosts": {{{hosts}}}}}
        """);
}
