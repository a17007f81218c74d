using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;
using static Kubemate.ApiMachinery.Tests.FieldManagement.Deployments;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

public class FieldManagerTests
{
    private static readonly FieldPath Replicas = FieldPath.Fields("spec", "replicas");

    [Fact]
    public void Create_gives_the_manager_every_field_with_new_maps_and_lists_owned_themselves()
    {
        var created = CreatedByClientSideApply();

        var entry = Json.Entry(created, "kubectl-client-side-apply", "Update")!;
        Assert.Equal("apps/v1", (string?)entry["apiVersion"]);
        Assert.Equal("2025-03-01T10:00:00Z", (string?)entry["time"]);
        Assert.Equal(
            """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{".":{},"f:replicas":{},"f:selector":{},"f:template":{".":{},"f:metadata":{".":{},"f:labels":{".":{},"f:app":{}}},"f:spec":{".":{},"f:containers":{".":{},"k:{\"name\":\"web\"}":{".":{},"f:image":{},"f:name":{}}}}}}}""",
            Json.Compact(entry["fieldsV1"]));
    }

    [Fact]
    public void An_update_takes_the_fields_it_changes_from_other_managers()
    {
        var live = ServerSideApply.Apply(null, Config(replicas: 2), "kubemate", force: false, TestShapes.Deployment, T0).Object!;

        var edited = FieldManager.RecordUpdate(live, With(live, d => d["spec"]!["replicas"] = 5), "kubectl-edit", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1);

        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Json.FieldsOf(edited, "kubectl-edit", "Update"));
        Assert.False(FieldSet.FromFieldsV1(Json.Entry(edited, "kubemate")!["fieldsV1"]).Contains(Replicas));
        var reapplied = ServerSideApply.Apply(edited, Config(replicas: 2), "kubemate", force: false, TestShapes.Deployment, T2);
        Assert.Equal("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas", reapplied.ConflictMessage);
    }

    [Fact]
    public void Updates_by_the_same_manager_merge_into_one_entry_with_the_latest_time()
    {
        var live = CreatedByClientSideApply();
        var scaled = FieldManager.RecordUpdate(live, With(live, d => d["spec"]!["replicas"] = 3), "kubectl-scale", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1);

        var paused = FieldManager.RecordUpdate(scaled, With(scaled, d => d["spec"]!["paused"] = true), "kubectl-scale", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T2);

        var entries = ManagedFields.Read(paused).Where(e => e.Manager == "kubectl-scale").ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(T2.AddMilliseconds(-250), entry.Time);
        Assert.Equal("""{"f:spec":{"f:paused":{},"f:replicas":{}}}""", Json.Compact(entry.Fields.ToFieldsV1()));
    }

    [Fact]
    public void An_entry_left_with_no_fields_is_dropped()
    {
        var live = CreatedByClientSideApply();
        var scaled = FieldManager.RecordUpdate(live, With(live, d => d["spec"]!["replicas"] = 3), "kubectl-scale", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1);

        var rescaled = FieldManager.RecordUpdate(scaled, With(scaled, d => d["spec"]!["replicas"] = 4), "hpa-controller", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T2);

        Assert.Null(Json.Entry(rescaled, "kubectl-scale", "Update"));
        Assert.NotNull(Json.Entry(rescaled, "hpa-controller", "Update"));
    }

    [Fact]
    public void Removed_fields_leave_every_manager()
    {
        var labelled = With(Config(), c => c["metadata"]!["labels"]!["team"] = "payments");
        var live = ServerSideApply.Apply(null, labelled, "kubemate", force: false, TestShapes.Deployment, T0).Object!;

        var unlabelled = FieldManager.RecordUpdate(live, With(live, d => d["metadata"]!["labels"]!.AsObject().Remove("team")), "kubectl-label", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1);

        Assert.False(FieldSet.FromFieldsV1(Json.Entry(unlabelled, "kubemate")!["fieldsV1"]).Contains(FieldPath.Fields("metadata", "labels", "team")));
        Assert.Null(Json.Entry(unlabelled, "kubectl-label", "Update"));
    }

    [Fact]
    public void An_update_that_changes_nothing_leaves_managed_fields_alone()
    {
        var live = CreatedByClientSideApply();

        var same = FieldManager.RecordUpdate(live, (JsonObject)live.DeepClone(), "kubectl-edit", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1);

        Assert.Equal(Json.Compact(live), Json.Compact(same));
    }

    [Fact]
    public void Managed_fields_sent_with_an_update_replace_the_stored_ones()
    {
        var live = CreatedByClientSideApply();
        var handEdited = With(live, d => d["metadata"]!["managedFields"] = JsonNode.Parse("""
            [{"manager": "platform-team", "operation": "Apply", "apiVersion": "apps/v1", "time": "2025-02-01T00:00:00Z",
              "fieldsType": "FieldsV1", "fieldsV1": {"f:spec": {"f:replicas": {}}}}]
            """));

        var stored = FieldManager.RecordUpdate(live, handEdited, "kubectl-edit", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1);

        Assert.Equal(["platform-team"], ManagedFields.Read(stored).Select(e => e.Manager));
    }

    [Fact]
    public void A_single_empty_entry_clears_managed_fields_and_the_object_stays_untracked()
    {
        var live = CreatedByClientSideApply();
        var reset = FieldManager.RecordUpdate(live, With(live, d => d["metadata"]!["managedFields"] = JsonNode.Parse("[{}]")), "kubectl-edit", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1);

        var later = FieldManager.RecordUpdate(reset, With(reset, d => d["spec"]!["replicas"] = 9), "kubectl-scale", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T2);

        Assert.Empty(ManagedFields.Read(reset));
        Assert.Empty(ManagedFields.Read(later));
        Assert.False(reset["metadata"]!.AsObject().ContainsKey("managedFields"));
    }

    [Fact]
    public void A_status_write_keeps_the_stored_entries_whatever_the_request_carries()
    {
        var live = CreatedByClientSideApply();
        var request = With(live, d =>
        {
            d["status"] = new JsonObject { ["replicas"] = 2 };
            d["metadata"]!["managedFields"] = JsonNode.Parse("[{}]");
        });

        var stored = FieldManager.RecordUpdate(live, request, "kube-controller-manager", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T1, subresource: "status");

        Assert.NotNull(Json.Entry(stored, "kubectl-client-side-apply", "Update"));
        var status = Json.Entry(stored, "kube-controller-manager", "Update")!;
        Assert.Equal("status", (string?)status["subresource"]);
        Assert.Equal("""{"f:status":{".":{},"f:replicas":{}}}""", Json.Compact(status["fieldsV1"]));
    }

    [Fact]
    public void Beyond_ten_update_managers_the_oldest_fold_into_ancient_changes()
    {
        var live = CreatedByClientSideApply();
        for (var i = 1; i <= 11; i++)
        {
            var label = $"l{i}";
            live = FieldManager.RecordUpdate(live, With(live, d => d["metadata"]!["labels"]![label] = "x"), $"tool-{i:00}", ManagedFieldsOperation.Update, "apps/v1", TestShapes.Deployment, T0.AddMinutes(i));
        }

        var entries = ManagedFields.Read(live);

        Assert.Equal(10, entries.Count);
        var bucket = Assert.Single(entries, e => e.Manager == "ancient-changes");
        Assert.Equal(ManagedFieldsOperation.Update, bucket.Operation);
        Assert.True(bucket.Fields.Contains(Replicas));
        Assert.True(bucket.Fields.Contains(FieldPath.Fields("metadata", "labels", "l1")));
        Assert.DoesNotContain(entries, e => e.Manager is "kubectl-client-side-apply" or "tool-01");
    }

    [Theory]
    [InlineData("kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9", "kubectl")]
    [InlineData("kube-controller-manager/v1.32.0 (linux/amd64) kubernetes/70d3cc9/system:serviceaccount:kube-system:deployment-controller", "kube-controller-manager")]
    [InlineData("Go-http-client/1.1", "Go-http-client")]
    [InlineData("kubemate", "kubemate")]
    [InlineData("my\tclient/2.0", "myclient")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void The_default_manager_is_the_user_agent_before_its_first_slash(string? userAgent, string expected)
    {
        Assert.Equal(expected, FieldManager.DefaultManagerFromUserAgent(userAgent));
    }

    [Fact]
    public void A_default_manager_from_a_long_user_agent_is_cut_to_128_bytes()
    {
        Assert.Equal(new string('a', 128), FieldManager.DefaultManagerFromUserAgent(new string('a', 300) + "/1.0"));
        Assert.Equal(string.Concat(Enumerable.Repeat("é", 64)), FieldManager.DefaultManagerFromUserAgent(string.Concat(Enumerable.Repeat("é", 100))));
    }

    [Fact]
    public void An_explicit_field_manager_wins_over_the_user_agent()
    {
        Assert.Equal("kubectl-edit", FieldManager.ResolveManager("kubectl-edit", "kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9"));
        Assert.Equal("kubectl", FieldManager.ResolveManager(null, "kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9"));
    }

    [Fact]
    public void Field_manager_names_must_be_short_and_printable()
    {
        var tooLong = Assert.Throws<FieldManagementException>(() => FieldManager.ValidateManager(new string('m', 129), required: false));
        var unprintable = Assert.Throws<FieldManagementException>(() => FieldManager.ValidateManager("bad\u0007name", required: false));

        Assert.Equal("fieldManager: Too long: may not be more than 128 bytes", tooLong.Message);
        Assert.Equal("fieldManager", unprintable.Field);
        Assert.Contains("U+0007 (at position 3)", unprintable.Reason, StringComparison.Ordinal);
    }
}
