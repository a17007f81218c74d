using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class FieldErrorTests
{
    [Fact]
    public void Required_forbidden_and_too_long_never_print_the_value()
    {
        Assert.Equal("spec.a: Required value", FieldError.Required("spec.a").Message);
        Assert.Equal("spec.a: Forbidden: not here", FieldError.Forbidden("spec.a", "not here").Message);
        Assert.Equal("spec.a: Too long: may not be longer than 3", FieldError.TooLong("spec.a", 3).Message);
    }

    [Fact]
    public void Values_print_as_go_prints_decoded_json()
    {
        Assert.Equal("a: Invalid value: 1.5: x", FieldError.Invalid("a", JsonValue.Create(1.5), "x").Message);
        Assert.Equal("a: Invalid value: 1.2345675e+06: x", FieldError.Invalid("a", JsonValue.Create(1234567.5), "x").Message);
        Assert.Equal("a: Invalid value: 0.0001: x", FieldError.Invalid("a", JsonValue.Create(0.0001), "x").Message);
        Assert.Equal("a: Invalid value: 1e-05: x", FieldError.Invalid("a", JsonValue.Create(0.00001), "x").Message);
        Assert.Equal("a: Invalid value: \"tab\\there\": x", FieldError.Invalid("a", "tab\there", "x").Message);
        Assert.Equal("a: Invalid value: null: x", FieldError.Invalid("a", (JsonNode?)null, "x").Message);
        Assert.Equal(
            "a: Duplicate value: []interface {}{\"x\", 2, true}",
            FieldError.Duplicate("a", new JsonArray("x", 2, true)).Message);
    }

    [Fact]
    public void Non_string_enum_values_are_listed_as_json()
    {
        var schema = Yaml.Schema("{type: integer, enum: [1, 2]}");

        var error = Assert.Single(SchemaValidator.Validate(JsonValue.Create(3), schema));

        Assert.Equal(": Unsupported value: 3: supported values: \"1\", \"2\"", error.Message);
    }

    [Fact]
    public void Unknown_fields_read_like_strict_decoding_errors()
    {
        var error = FieldError.UnknownField("spec.foo");

        Assert.Equal("unknown field \"spec.foo\"", error.Message);
        Assert.Equal("FieldValueInvalid", error.Type.CauseType());
    }

    [Fact]
    public void Field_paths_print_like_apimachinery()
    {
        var path = FieldPath.Root("spec").Child("routes").Index(0).Child("labels").Key("app.kubernetes.io/name");

        Assert.Equal("spec.routes[0].labels[app.kubernetes.io/name]", path.ToString());
        Assert.Equal("a", FieldPath.Empty.Child("a").ToString());
    }
}
