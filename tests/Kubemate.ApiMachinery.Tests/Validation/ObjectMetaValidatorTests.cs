using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.ApiMachinery.Tests.Validation;

public class ObjectMetaValidatorTests
{
    private static JsonObject Object(string metadataJson) => new() { ["metadata"] = JsonNode.Parse(metadataJson) };

    private static List<string> Messages(IEnumerable<FieldViolation> violations) => violations.Select(v => v.Message).ToList();

    [Fact]
    public void Valid_namespaced_object_has_no_violations()
    {
        var obj = Object("""{"name":"web","namespace":"orders","labels":{"app.kubernetes.io/name":"web"},"annotations":{"Linkerd.io/inject":"enabled"}}""");

        Assert.Empty(ObjectMetaValidator.Validate(obj, namespaced: true, NameRule.Dns1123Subdomain));
    }

    [Fact]
    public void Invalid_name_is_reported_exactly_as_the_apiserver_does()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"name":"Foo_1","namespace":"x"}"""), true, NameRule.Dns1123Subdomain));

        Assert.Equal(
            "metadata.name: Invalid value: \"Foo_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            violation.Message);
        Assert.Equal(ViolationType.Invalid, violation.Type);
    }

    [Fact]
    public void Missing_name_and_generate_name_is_required()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"namespace":"x"}"""), true, NameRule.Dns1123Subdomain));

        Assert.Equal("metadata.name: Required value: name or generateName is required", violation.Message);
    }

    [Fact]
    public void Generate_name_alone_is_enough_and_is_checked_as_a_prefix()
    {
        Assert.Empty(ObjectMetaValidator.Validate(Object("""{"generateName":"web-","namespace":"x"}"""), true, NameRule.Dns1123Subdomain));

        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"generateName":"Web-","namespace":"x"}"""), true, NameRule.Dns1123Subdomain));
        Assert.Equal("metadata.generateName", violation.Field);
    }

    [Fact]
    public void Namespaced_kind_requires_a_namespace()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"name":"web"}"""), true, NameRule.Dns1123Subdomain));

        Assert.Equal("metadata.namespace: Required value", violation.Message);
    }

    [Fact]
    public void Namespace_must_be_a_dns_label()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"name":"web","namespace":"team.orders"}"""), true, NameRule.Dns1123Subdomain));

        Assert.Equal("metadata.namespace: Invalid value: \"team.orders\": must not contain dots", violation.Message);
    }

    [Fact]
    public void Cluster_scoped_kind_forbids_a_namespace()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"name":"payments","namespace":"x"}"""), false, NameRule.Dns1123Label));

        Assert.Equal("metadata.namespace: Forbidden: not allowed on this type", violation.Message);
    }

    [Fact]
    public void Namespace_names_follow_the_label_rule()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"name":"kube.system"}"""), false, NameRule.Dns1123Label));

        Assert.Equal("metadata.name: Invalid value: \"kube.system\": must not contain dots", violation.Message);
    }

    [Fact]
    public void Rbac_names_only_need_to_be_path_segments()
    {
        Assert.Empty(ObjectMetaValidator.Validate(Object("""{"name":"system:controller:Deployment"}"""), false, NameRule.PathSegment));

        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"name":"a/b"}"""), false, NameRule.PathSegment));
        Assert.Equal("metadata.name: Invalid value: \"a/b\": may not contain '/'", violation.Message);
    }

    [Fact]
    public void Bad_label_key_and_value_are_reported_on_the_labels_field()
    {
        var messages = Messages(ObjectMetaValidator.Validate(
            Object("""{"name":"web","namespace":"x","labels":{"bad key":"ok","app":"not ok"}}"""), true, NameRule.Dns1123Subdomain));

        Assert.Equal(2, messages.Count);
        Assert.StartsWith("metadata.labels: Invalid value: \"not ok\": a valid label must be an empty string", messages[0]);
        Assert.StartsWith("metadata.labels: Invalid value: \"bad key\": name part must consist of alphanumeric characters", messages[1]);
    }

    [Fact]
    public void Label_value_longer_than_63_characters_is_rejected()
    {
        var obj = Object($$$"""{"name":"web","namespace":"x","labels":{"app":"{{{new string('a', 64)}}}"}}""");

        var violation = Assert.Single(ObjectMetaValidator.Validate(obj, true, NameRule.Dns1123Subdomain));
        Assert.EndsWith(": must be no more than 63 characters", violation.Message);
    }

    [Fact]
    public void Non_string_label_value_names_the_key()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(
            Object("""{"name":"web","namespace":"x","labels":{"replicas":3}}"""), true, NameRule.Dns1123Subdomain));

        Assert.Equal("metadata.labels[replicas]: Invalid value: 3: must be a string", violation.Message);
    }

    [Fact]
    public void Annotation_keys_ignore_case_but_must_be_qualified_names()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(
            Object("""{"name":"web","namespace":"x","annotations":{"Config.Linkerd.io/Skip-Outbound-Ports":"5432","no spaces":"x"}}"""),
            true, NameRule.Dns1123Subdomain));

        Assert.StartsWith("metadata.annotations: Invalid value: \"no spaces\": name part must consist of", violation.Message);
    }

    [Fact]
    public void Annotations_over_256_KiB_in_total_are_too_long()
    {
        var half = new string('x', 128 * 1024);
        var obj = Object($$$"""{"name":"web","namespace":"x","annotations":{"a":"{{{half}}}","b":"{{{half}}}"}}""");

        var violation = Assert.Single(ObjectMetaValidator.Validate(obj, true, NameRule.Dns1123Subdomain));

        Assert.Equal("metadata.annotations: Too long: must have at most 262144 bytes", violation.Message);
        Assert.Equal(ViolationType.TooLong, violation.Type);
    }

    [Fact]
    public void Owner_references_need_api_version_kind_name_and_uid()
    {
        var messages = Messages(ObjectMetaValidator.Validate(
            Object("""{"name":"web-1","namespace":"x","ownerReferences":[{"apiVersion":"apps/","kind":"","name":"web"}]}"""),
            true, NameRule.Dns1123Subdomain));

        Assert.Equal(
            [
                "metadata.ownerReferences.apiVersion: Invalid value: \"apps/\": version must not be empty",
                "metadata.ownerReferences.kind: Invalid value: \"\": must not be empty",
                "metadata.ownerReferences.uid: Invalid value: \"\": must not be empty",
            ],
            messages);
    }

    [Fact]
    public void Only_one_owner_reference_may_be_the_controller()
    {
        var obj = Object("""
            {"name":"web-1","namespace":"x","ownerReferences":[
              {"apiVersion":"apps/v1","kind":"ReplicaSet","name":"a","uid":"1","controller":true},
              {"apiVersion":"apps/v1","kind":"ReplicaSet","name":"b","uid":"2","controller":true}]}
            """);

        var violation = Assert.Single(ObjectMetaValidator.Validate(obj, true, NameRule.Dns1123Subdomain));

        Assert.EndsWith("Only one reference can have Controller set to true. Found \"true\" in references for ReplicaSet/a and ReplicaSet/b", violation.Message);
    }

    [Fact]
    public void Events_cannot_own_objects()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(
            Object("""{"name":"x","namespace":"x","ownerReferences":[{"apiVersion":"v1","kind":"Event","name":"e","uid":"1"}]}"""),
            true, NameRule.Dns1123Subdomain));

        Assert.EndsWith("/v1, Kind=Event is disallowed from being an owner", violation.Message);
    }

    [Fact]
    public void Finalizers_must_be_qualified_and_not_both_orphan_and_foreground()
    {
        var messages = Messages(ObjectMetaValidator.Validate(
            Object("""{"name":"x","namespace":"x","finalizers":["orphan","foregroundDeletion","bad finalizer"]}"""),
            true, NameRule.Dns1123Subdomain));

        Assert.Equal(2, messages.Count);
        Assert.StartsWith("metadata.finalizers: Invalid value: \"bad finalizer\"", messages[0]);
        Assert.EndsWith("finalizer orphan and foregroundDeletion cannot be both set", messages[1]);
    }

    [Fact]
    public void Negative_generation_is_invalid()
    {
        var violation = Assert.Single(ObjectMetaValidator.Validate(Object("""{"name":"x","namespace":"x","generation":-1}"""), true, NameRule.Dns1123Subdomain));

        Assert.Equal("metadata.generation: Invalid value: -1: must be greater than or equal to 0", violation.Message);
    }

    [Fact]
    public void Name_of_the_wrong_type_is_reported_not_thrown()
    {
        var violations = ObjectMetaValidator.Validate(Object("""{"name":42,"namespace":"x"}"""), true, NameRule.Dns1123Subdomain);

        Assert.Contains(violations, v => v.Message == "metadata.name: Invalid value: 42: must be a string");
    }

    [Fact]
    public void Update_may_not_change_identity_fields()
    {
        var existing = Object("""{"name":"web","namespace":"x","uid":"1","resourceVersion":"5","generation":3}""");
        var updated = Object("""{"name":"web","namespace":"y","uid":"2","resourceVersion":"5","generation":2}""");

        var messages = Messages(ObjectMetaValidator.ValidateUpdate(updated, existing));

        Assert.Equal(
            [
                "metadata.generation: Invalid value: 2: must not be decremented",
                "metadata.namespace: Invalid value: \"y\": field is immutable",
                "metadata.uid: Invalid value: \"2\": field is immutable",
            ],
            messages);
    }

    [Fact]
    public void Update_of_an_object_being_deleted_may_not_add_finalizers()
    {
        var existing = Object("""{"name":"web","deletionTimestamp":"2026-01-01T00:00:00Z","finalizers":["a.io/x"]}""");
        var updated = Object("""{"name":"web","deletionTimestamp":"2026-01-01T00:00:00Z","finalizers":["a.io/x","b.io/y"]}""");

        var violation = Assert.Single(ObjectMetaValidator.ValidateUpdate(updated, existing));

        Assert.Equal("metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{\"b.io/y\"}", violation.Message);
    }

    [Fact]
    public void Update_that_only_changes_labels_is_valid()
    {
        var existing = Object("""{"name":"web","namespace":"x","uid":"1","labels":{"a":"1"}}""");
        var updated = Object("""{"name":"web","namespace":"x","uid":"1","labels":{"a":"2"}}""");

        Assert.Empty(ObjectMetaValidator.ValidateUpdate(updated, existing));
    }
}
