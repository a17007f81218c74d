using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

public class ManagedFieldsTests
{
    private static readonly FieldSet Replicas = FieldSet.FromPaths([FieldPath.Fields("spec", "replicas")]);
    private static readonly FieldSet Paused = FieldSet.FromPaths([FieldPath.Fields("spec", "paused")]);

    [Fact]
    public void An_entry_is_written_with_the_apiservers_field_order_and_second_precision()
    {
        var entry = new ManagedFieldsEntry("kube-controller-manager", "Update", "apps/v1", new DateTimeOffset(2025, 3, 1, 12, 30, 45, 999, TimeSpan.FromHours(2)), Replicas, "status");

        Assert.Equal(
            """{"manager":"kube-controller-manager","operation":"Update","apiVersion":"apps/v1","time":"2025-03-01T10:30:45Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}},"subresource":"status"}""",
            Json.Compact(entry.ToJson()));
    }

    [Fact]
    public void An_entry_reads_back_as_written()
    {
        var json = Json.Parse("""{"manager":"kubectl","operation":"Apply","apiVersion":"v1","time":"2025-03-01T10:30:45.123456Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:key":{}}}}""");

        var entry = ManagedFieldsEntry.FromJson(json, "metadata.managedFields[0]");

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 30, 45, TimeSpan.Zero), entry.Time);
        Assert.Null(entry.Subresource);
        Assert.Equal("FieldsV1", entry.FieldsType);
        Assert.Equal("""{"manager":"kubectl","operation":"Apply","apiVersion":"v1","time":"2025-03-01T10:30:45Z","fieldsType":"FieldsV1","fieldsV1":{"f:data":{"f:key":{}}}}""", Json.Compact(entry.ToJson()));
    }

    [Fact]
    public void Entries_are_written_apply_first_then_oldest_first()
    {
        var obj = Json.Parse("""{"metadata":{"name":"web"}}""");
        var t = new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

        ManagedFields.Write(obj,
        [
            new("zeta", "Update", "apps/v1", t, Replicas),
            new("alpha", "Update", "apps/v1", t.AddMinutes(5), Paused),
            new("kubemate", "Apply", "apps/v1", t.AddMinutes(9), Paused),
        ]);

        Assert.Equal(["kubemate", "zeta", "alpha"], obj["metadata"]!["managedFields"]!.AsArray().Select(e => (string?)e!["manager"]));
    }

    [Fact]
    public void Entries_of_the_same_manager_and_operation_are_merged_on_read()
    {
        var obj = Json.Parse("""
            {"metadata": {"managedFields": [
              {"manager":"kubectl-edit","operation":"Update","apiVersion":"apps/v1","time":"2025-03-01T10:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}},
              {"manager":"kubectl-edit","operation":"Update","apiVersion":"apps/v1","time":"2025-03-01T11:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:paused":{}}}}]}}
            """);

        var entry = Assert.Single(ManagedFields.Read(obj));

        Assert.Equal(Replicas.Union(Paused), entry.Fields);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 11, 0, 0, TimeSpan.Zero), entry.Time);
    }

    [Fact]
    public void Apply_entries_of_one_manager_are_one_entry_whatever_their_api_version()
    {
        var obj = Json.Parse("""{"metadata":{}}""");

        ManagedFields.Write(obj,
        [
            new("kubemate", "Apply", "networking.k8s.io/v1beta1", null, Replicas),
            new("kubemate", "Apply", "networking.k8s.io/v1", null, Paused),
            new("kubemate", "Update", "networking.k8s.io/v1beta1", null, Replicas),
            new("kubemate", "Update", "networking.k8s.io/v1", null, Paused),
        ]);

        Assert.Equal(3, obj["metadata"]!["managedFields"]!.AsArray().Count);
    }

    [Fact]
    public void Entries_without_fields_are_not_written()
    {
        var obj = Json.Parse("""{"metadata":{"managedFields":[]}}""");

        ManagedFields.Write(obj, [new("nobody", "Update", "v1", null, FieldSet.Empty)]);

        Assert.False(obj["metadata"]!.AsObject().ContainsKey("managedFields"));
    }

    [Theory]
    [InlineData("""{"manager":"m","operation":"Patch","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{}}""", "metadata.managedFields[1].operation: Unsupported value: \"Patch\": supported values: \"Apply\", \"Update\"")]
    [InlineData("""{"manager":"m","operation":"Update","fieldsType":"FieldsV1","fieldsV1":{}}""", "metadata.managedFields[1].apiVersion: Required value: must not be empty")]
    [InlineData("""{"manager":"m","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV2","fieldsV1":{}}""", "metadata.managedFields[1].fieldsType: Unsupported value: \"FieldsV2\": supported values: \"FieldsV1\"")]
    [InlineData("""{"manager":"m","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:a":1}}""", "metadata.managedFields[1].fieldsV1: the value of \"f:a\" must be a JSON object")]
    [InlineData("""{"manager":"m","operation":"Update","apiVersion":"v1","time":"yesterday","fieldsType":"FieldsV1","fieldsV1":{}}""", "metadata.managedFields[1].time: Invalid value: \"yesterday\": must be an RFC 3339 time")]
    public void An_invalid_entry_is_reported_with_its_field_path(string entry, string message)
    {
        var obj = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["managedFields"] = new JsonArray(
                    JsonNode.Parse("""{"manager":"ok","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1","fieldsV1":{"f:a":{}}}"""),
                    JsonNode.Parse(entry)),
            },
        };

        var error = Assert.Throws<FieldManagementException>(() => ManagedFields.Read(obj));

        Assert.Equal(message, error.Message);
    }
}
