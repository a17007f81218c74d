using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Validation;

namespace Kubemate.ApiMachinery.Tests.Validation;

public class FieldViolationTests
{
    [Fact]
    public void Invalid_quotes_the_value_like_go()
    {
        var violation = FieldViolation.Invalid("metadata.name", "a\"b\n", "bad");

        Assert.Equal("metadata.name: Invalid value: \"a\\\"b\\n\": bad", violation.Message);
        Assert.Equal("FieldValueInvalid", violation.CauseType);
    }

    [Fact]
    public void Required_and_forbidden_never_repeat_a_value()
    {
        Assert.Equal("metadata.namespace: Required value", FieldViolation.Required("metadata.namespace").Message);
        Assert.Equal("metadata.namespace: Forbidden: not allowed on this type",
            FieldViolation.Forbidden("metadata.namespace", "not allowed on this type").Message);
    }

    [Fact]
    public void Not_supported_lists_the_supported_values_quoted()
    {
        var violation = FieldViolation.NotSupported("roleRef.kind", "Pod", ["Role", "ClusterRole"]);

        Assert.Equal("roleRef.kind: Unsupported value: \"Pod\": supported values: \"Role\", \"ClusterRole\"", violation.Message);
    }

    [Fact]
    public void Structured_values_render_as_json()
    {
        var violation = FieldViolation.Invalid("rules[0].nonResourceURLs", new JsonArray("/metrics"), "nope");

        Assert.Equal("rules[0].nonResourceURLs: Invalid value: [\"/metrics\"]: nope", violation.Message);
    }

    [Fact]
    public void Body_is_the_message_without_the_field_as_in_a_status_cause()
    {
        Assert.Equal("Too long: must have at most 262144 bytes", FieldViolation.TooLong("metadata.annotations", 262144).Body);
    }

    [Fact]
    public void Invalid_object_message_qualifies_the_kind_and_brackets_several_errors()
    {
        FieldViolation[] violations =
        [
            FieldViolation.Required("metadata.namespace"),
            FieldViolation.Required("metadata.namespace"),
            FieldViolation.Invalid("spec.replicas", -1, "must be greater than or equal to 0"),
        ];

        var message = ValidationMessages.InvalidObject("Deployment", "apps", "web", violations);

        Assert.Equal(
            "Deployment.apps \"web\" is invalid: [metadata.namespace: Required value, spec.replicas: Invalid value: -1: must be greater than or equal to 0]",
            message);
    }

    [Fact]
    public void Invalid_object_message_of_a_core_kind_has_no_group_and_no_brackets_for_one_error()
    {
        var message = ValidationMessages.InvalidObject("Pod", "", "x", [FieldViolation.Required("metadata.namespace")]);

        Assert.Equal("Pod \"x\" is invalid: metadata.namespace: Required value", message);
    }
}
