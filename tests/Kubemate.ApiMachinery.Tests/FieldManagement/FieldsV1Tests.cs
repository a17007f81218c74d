using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.FieldManagement;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

public class FieldsV1Tests
{
    // What `kubectl get deployment nginx -o json --show-managed-fields` shows after `kubectl create deployment`.
    private const string KubectlCreateDeployment =
        """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:progressDeadlineSeconds":{},"f:replicas":{},"f:revisionHistoryLimit":{},"f:selector":{},"f:strategy":{"f:rollingUpdate":{".":{},"f:maxSurge":{},"f:maxUnavailable":{}},"f:type":{}},"f:template":{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:resources":{},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},"f:dnsPolicy":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}}}""";

    // The deployment controller's entry for the status subresource.
    private const string ControllerManagerStatus =
        """{"f:metadata":{"f:annotations":{".":{},"f:deployment.kubernetes.io/revision":{}}},"f:status":{"f:availableReplicas":{},"f:conditions":{".":{},"k:{\"type\":\"Available\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}},"k:{\"type\":\"Progressing\"}":{".":{},"f:lastTransitionTime":{},"f:lastUpdateTime":{},"f:message":{},"f:reason":{},"f:status":{},"f:type":{}}},"f:observedGeneration":{},"f:readyReplicas":{},"f:replicas":{},"f:updatedReplicas":{}}}""";

    // A pod made by a ReplicaSet: owner reference keyed by uid, ports keyed by containerPort and protocol.
    private const string ReplicaSetPod =
        """{"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{},"f:pod-template-hash":{}},"f:ownerReferences":{".":{},"k:{\"uid\":\"5d3c2a1e-8f4b-4c1e-9a7d-2b6e0f1c3d4a\"}":{}}},"f:spec":{"f:containers":{"k:{\"name\":\"nginx\"}":{".":{},"f:env":{".":{},"k:{\"name\":\"LOG_LEVEL\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:imagePullPolicy":{},"f:name":{},"f:ports":{".":{},"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}},"f:resources":{},"f:terminationMessagePath":{},"f:terminationMessagePolicy":{}}},"f:dnsPolicy":{},"f:enableServiceLinks":{},"f:restartPolicy":{},"f:schedulerName":{},"f:securityContext":{},"f:terminationGracePeriodSeconds":{}}}""";

    // A server-side applied custom resource with a finalizer (set element) and a kubectl apply entry.
    private const string AppliedWithFinalizer =
        """{"f:metadata":{"f:finalizers":{"v:\"gateway.example.com/cleanup\"":{}},"f:labels":{"f:app.kubernetes.io/name":{}}},"f:spec":{"f:hosts":{"v:\"api.bank.example\"":{},"v:\"www.bank.example\"":{}},"f:tier":{}}}""";

    [Theory]
    [InlineData(KubectlCreateDeployment)]
    [InlineData(ControllerManagerStatus)]
    [InlineData(ReplicaSetPod)]
    [InlineData(AppliedWithFinalizer)]
    public void Real_managed_fields_round_trip_byte_for_byte(string fieldsV1)
    {
        var set = FieldSet.FromFieldsV1(JsonNode.Parse(fieldsV1));

        Assert.Equal(fieldsV1, Json.Compact(set.ToFieldsV1()));
    }

    [Fact]
    public void Parsed_managed_fields_list_their_paths_in_print_form()
    {
        var set = FieldSet.FromFieldsV1(JsonNode.Parse(ReplicaSetPod));

        var paths = set.Paths.Select(p => p.ToString()).ToList();

        Assert.Contains(".metadata.labels", paths);
        Assert.Contains(".metadata.ownerReferences[uid=\"5d3c2a1e-8f4b-4c1e-9a7d-2b6e0f1c3d4a\"]", paths);
        Assert.Contains(".spec.containers[name=\"nginx\"].ports[containerPort=80,protocol=\"TCP\"].protocol", paths);
        Assert.Contains(".spec.containers[name=\"nginx\"].env[name=\"LOG_LEVEL\"].value", paths);
        Assert.DoesNotContain(".spec", paths);
        Assert.DoesNotContain(".spec.containers", paths);
    }

    [Fact]
    public void Writing_sorts_children_puts_the_element_itself_first_and_sorts_key_fields()
    {
        var scrambled = JsonNode.Parse(
            """{"f:spec":{"f:ports":{"k:{\"protocol\":\"UDP\",\"port\":53}":{"f:port":{},".":{}},"k:{\"protocol\":\"TCP\",\"port\":53}":{}},"f:clusterIP":{}},"f:metadata":{"f:annotations":{"f:b":{},"f:a":{}}}}""");

        var written = FieldSet.FromFieldsV1(scrambled).ToFieldsV1();

        Assert.Equal(
            """{"f:metadata":{"f:annotations":{"f:a":{},"f:b":{}}},"f:spec":{"f:clusterIP":{},"f:ports":{"k:{\"port\":53,\"protocol\":\"TCP\"}":{},"k:{\"port\":53,\"protocol\":\"UDP\"}":{".":{},"f:port":{}}}}}""",
            Json.Compact(written));
    }

    [Fact]
    public void Field_names_sort_before_keys_and_keys_before_values()
    {
        var set = FieldSet.FromPaths(
        [
            FieldPath.Of(PathElement.Field("x"), PathElement.ForValue(JsonValue.Create("a"))),
            FieldPath.Of(PathElement.Field("x"), PathElement.Key("name", JsonValue.Create("b"))),
            FieldPath.Of(PathElement.Field("x"), PathElement.Field("z")),
        ]);

        Assert.Equal("""{"f:x":{"f:z":{},"k:{\"name\":\"b\"}":{},"v:\"a\"":{}}}""", Json.Compact(set.ToFieldsV1()));
    }

    [Fact]
    public void Numbers_in_keys_are_compared_by_value()
    {
        var set = FieldSet.FromFieldsV1(JsonNode.Parse("""{"f:ports":{"k:{\"port\":8080}":{},"k:{\"port\":443}":{},"k:{\"port\":80.0}":{}}}"""));

        Assert.Equal("""{"f:ports":{"k:{\"port\":80}":{},"k:{\"port\":443}":{},"k:{\"port\":8080}":{}}}""", Json.Compact(set.ToFieldsV1()));
    }

    [Fact]
    public void Unknown_element_prefixes_are_dropped_as_the_apiserver_does()
    {
        var set = FieldSet.FromFieldsV1(JsonNode.Parse("""{"f:spec":{"f:replicas":{},"x:future":{}}}"""));

        Assert.Equal("""{"f:spec":{"f:replicas":{}}}""", Json.Compact(set.ToFieldsV1()));
    }

    [Fact]
    public void A_malformed_key_element_is_reported_with_the_key()
    {
        var error = Assert.Throws<FieldManagementException>(() => FieldSet.FromFieldsV1(JsonNode.Parse("""{"f:spec":{"k:{\"name\":":{}}}""")));

        Assert.Equal("fieldsV1", error.Field);
        Assert.Contains("\"k:{\"name\":\"", error.Reason, StringComparison.Ordinal);
        Assert.Contains("invalid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_element_with_a_repeated_key_field_is_rejected()
    {
        var error = Assert.Throws<FieldManagementException>(() => FieldSet.FromFieldsV1(JsonNode.Parse("""{"f:ports":{"k:{\"port\":80,\"port\":81}":{}}}""")));

        Assert.Contains("k:{\"port\":80,\"port\":81}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_object_value_is_rejected()
    {
        var error = Assert.Throws<FieldManagementException>(() => FieldSet.FromFieldsV1(JsonNode.Parse("""{"f:spec":{"f:replicas":true}}""")));

        Assert.Contains("\"f:replicas\" must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_in_keys_are_escaped_as_go_escapes_them()
    {
        var element = PathElement.Key("name", JsonValue.Create("a<b>&\"c\""));

        Assert.Equal("k:{\"name\":\"a\\u003cb\\u003e\\u0026\\\"c\\\"\"}", element.ToFieldsV1Key());
        Assert.Equal(element, PathElement.ParseFieldsV1Key(element.ToFieldsV1Key()));
    }
}
