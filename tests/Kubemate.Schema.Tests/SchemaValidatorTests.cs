using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class SchemaValidatorTests
{
    private static IReadOnlyList<FieldError> ValidateRoute(Action<JsonObject> change)
    {
        var route = Yaml.Object(RouteSchema.ValidObject);
        change(route);
        return SchemaValidator.Validate(route, RouteSchema.Schema);
    }

    private static JsonObject Spec(JsonObject route) => route["spec"]!.AsObject();

    [Fact]
    public void A_valid_object_has_no_errors() => Assert.Empty(ValidateRoute(_ => { }));

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_as_the_apiserver_prints_it()
    {
        var error = Assert.Single(ValidateRoute(route => Spec(route)["replicas"] = "three"));

        Assert.Equal(FieldErrorType.TypeInvalid, error.Type);
        Assert.Equal("spec.replicas", error.Field);
        Assert.Equal("spec.replicas: Invalid value: \"string\": spec.replicas in body must be of type integer: \"string\"", error.Message);
    }

    [Fact]
    public void A_missing_required_field_is_reported_at_its_own_path()
    {
        var error = Assert.Single(ValidateRoute(route => Spec(route).Remove("routes")));

        Assert.Equal(new FieldError("spec.routes", FieldErrorType.Required, string.Empty), error);
        Assert.Equal("spec.routes: Required value", error.Message);
    }

    [Fact]
    public void An_enum_violation_lists_the_supported_values()
    {
        var error = Assert.Single(ValidateRoute(route => route["spec"]!["routes"]![0]!["kind"] = "Foo"));

        Assert.Equal(FieldErrorType.NotSupported, error.Type);
        Assert.Equal("spec.routes[0].kind: Unsupported value: \"Foo\": supported values: \"Rule\"", error.Message);
    }

    [Fact]
    public void A_pattern_violation_quotes_the_pattern()
    {
        var error = Assert.Single(ValidateRoute(route => Spec(route)["host"] = "Bad_Host"));

        Assert.Equal(FieldErrorType.Invalid, error.Type);
        Assert.Equal("spec.host: Invalid value: \"Bad_Host\": spec.host in body should match '^[a-z0-9.-]+$'", error.Message);
    }

    [Fact]
    public void A_string_over_max_length_is_too_long_counting_characters_not_bytes()
    {
        Assert.Empty(ValidateRoute(route => Spec(route)["replicas"] = 2));
        var error = Assert.Single(ValidateRoute(route => Spec(route)["host"] = "a-very-long-host-name.example.com"));
        Assert.Equal("spec.host: Too long: may not be longer than 20", error.Message);

        var schema = Yaml.Schema("{type: string, maxLength: 3}");
        Assert.Empty(SchemaValidator.Validate(JsonValue.Create("äöü"), schema));
    }

    [Fact]
    public void Too_many_items_reports_the_count_and_the_maximum()
    {
        var error = Assert.Single(ValidateRoute(route =>
        {
            var routes = route["spec"]!["routes"]!.AsArray();
            routes.Add(new JsonObject { ["kind"] = "Rule", ["match"] = "a" });
            routes.Add(new JsonObject { ["kind"] = "Rule", ["match"] = "b" });
        }));

        Assert.Equal(FieldErrorType.TooMany, error.Type);
        Assert.Equal("spec.routes: Too many: 3: must have at most 2 items", error.Message);
    }

    [Fact]
    public void Int_or_string_accepts_integers_and_strings_but_nothing_else()
    {
        Assert.Empty(ValidateRoute(route => Spec(route)["port"] = "http"));
        Assert.Empty(ValidateRoute(route => Spec(route)["port"] = 443));

        var error = Assert.Single(ValidateRoute(route => Spec(route)["port"] = true));
        Assert.Equal(FieldErrorType.TypeInvalid, error.Type);
        Assert.Equal("spec.port: Invalid value: \"boolean\": spec.port in body must be of type integer,string: \"boolean\"", error.Message);
    }

    [Fact]
    public void Duplicate_list_map_keys_are_reported_at_the_second_element()
    {
        var error = Assert.Single(ValidateRoute(route =>
            route["spec"]!["routes"]![0]!["services"]!.AsArray().Add(new JsonObject { ["name"] = "a", ["port"] = 81 })));

        Assert.Equal(FieldErrorType.Duplicate, error.Type);
        Assert.Equal("spec.routes[0].services[2]", error.Field);
        Assert.Equal("spec.routes[0].services[2]: Duplicate value: map[string]interface {}{\"name\":\"a\"}", error.Message);
    }

    [Fact]
    public void Duplicate_set_elements_are_reported_once_per_value()
    {
        var errors = ValidateRoute(route => Spec(route)["entryPoints"] = new JsonArray("web", "web", "web", "api", "api"));

        Assert.Equal(["spec.entryPoints[1]: Duplicate value: \"web\"", "spec.entryPoints[4]: Duplicate value: \"api\""], Yaml.Messages(errors));
    }

    [Fact]
    public void Errors_inside_nested_arrays_of_objects_name_every_index()
    {
        var errors = ValidateRoute(route =>
        {
            var routes = route["spec"]!["routes"]!.AsArray();
            routes.Add(new JsonObject
            {
                ["kind"] = "Rule",
                ["match"] = "b",
                ["services"] = new JsonArray(new JsonObject { ["name"] = "x" }, new JsonObject { ["port"] = 1.5 }),
            });
        });

        Assert.Equal(
            [
                "spec.routes[1].services[1].port: Invalid value: \"number\": spec.routes[1].services[1].port in body must be of type integer,string: \"number\"",
                "spec.routes[1].services[1].name: Required value",
            ],
            Yaml.Messages(errors));
    }

    [Fact]
    public void Map_values_are_named_with_their_key_in_brackets()
    {
        var error = Assert.Single(ValidateRoute(route => route["spec"]!["labels"]!["app"] = 5));

        Assert.Equal("spec.labels[app]", error.Field);
        Assert.Equal("spec.labels[app]: Invalid value: \"integer\": spec.labels[app] in body must be of type string: \"integer\"", error.Message);
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var errors = ValidateRoute(route =>
        {
            Spec(route)["replicas"] = 0;
            Spec(route)["host"] = "UPPER";
            route["spec"]!["routes"]![0]!["kind"] = "Foo";
            route["spec"]!["routes"]![0]!.AsObject().Remove("match");
        });

        Assert.Equal(
            [
                "spec.host: Invalid value: \"UPPER\": spec.host in body should match '^[a-z0-9.-]+$'",
                "spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1",
                "spec.routes[0].kind: Unsupported value: \"Foo\": supported values: \"Rule\"",
                "spec.routes[0].match: Required value",
            ],
            Yaml.Messages(errors));
    }

    [Fact]
    public void Maximum_is_checked_against_integers()
    {
        var error = Assert.Single(ValidateRoute(route => Spec(route)["replicas"] = 11));

        Assert.Equal("spec.replicas: Invalid value: 11: spec.replicas in body should be less than or equal to 10", error.Message);
    }

    [Fact]
    public void Integral_floats_count_as_integers_but_fractions_do_not()
    {
        Assert.Empty(ValidateRoute(route => Spec(route)["replicas"] = JsonNode.Parse("2.0")));

        // replicas has format int32, so the apiserver names the format and Go's type of the value.
        var error = Assert.Single(ValidateRoute(route => Spec(route)["replicas"] = 2.5));
        Assert.Equal("spec.replicas: Invalid value: \"float64\": spec.replicas in body must be of type int32: \"float64\"", error.Message);

        var plain = Yaml.Schema("{type: integer}");
        Assert.Equal(": Invalid value: \"number\":  in body must be of type integer: \"number\"", Assert.Single(SchemaValidator.Validate(JsonValue.Create(2.5), plain)).Message);
    }

    [Fact]
    public void Null_is_rejected_unless_the_field_is_nullable()
    {
        var error = Assert.Single(ValidateRoute(route => Spec(route)["host"] = null));
        Assert.Equal("spec.host: Invalid value: \"null\": spec.host in body must be of type string: \"null\"", error.Message);

        var nullable = Yaml.Schema("{type: object, properties: {a: {type: string, nullable: true}}}");
        Assert.Empty(SchemaValidator.Validate(new JsonObject { ["a"] = null }, nullable));
    }

    [Fact]
    public void Embedded_resources_need_api_version_and_kind_of_the_right_shape()
    {
        var errors = ValidateRoute(route => route["spec"]!["template"] = new JsonObject
        {
            ["kind"] = "Bad_Kind",
            ["metadata"] = new JsonObject { ["name"] = "a/b", ["labels"] = new JsonObject { ["app"] = "-x" } },
        });

        Assert.Contains("spec.template.apiVersion: Required value", Yaml.Messages(errors));
        Assert.Contains(errors, e => e.Field == "spec.template.kind" && e.Detail.StartsWith("may have mixed case, but should otherwise match: a DNS-1035 label", StringComparison.Ordinal));
        Assert.Contains("spec.template.metadata.name: Invalid value: \"a/b\": may not contain '/'", Yaml.Messages(errors));
        Assert.Contains(errors, e => e.Field == "spec.template.metadata.labels" && e.BadValue == "\"-x\"");
    }

    [Fact]
    public void Additional_properties_false_forbids_every_undeclared_key()
    {
        var schema = Yaml.Schema("{type: object, additionalProperties: false}");

        var error = Assert.Single(SchemaValidator.Validate(new JsonObject { ["x"] = 1 }, schema));

        Assert.Equal("x in body is a forbidden property", error.Detail);
        Assert.Equal("\"x\"", error.BadValue);
    }

    [Fact]
    public void Lower_bounds_and_multiples_use_the_apiserver_messages()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              name: {type: string, minLength: 3}
              tags: {type: array, minItems: 1, items: {type: string}}
              selector: {type: object, minProperties: 1, maxProperties: 2, additionalProperties: {type: string}}
              step: {type: integer, multipleOf: 5}
              ratio: {type: number, minimum: 0, exclusiveMinimum: true, maximum: 1}
            """);
        var value = Yaml.Object("""
            name: ab
            tags: []
            selector: {a: x, b: y, c: z}
            step: 7
            ratio: 0
            """);

        Assert.Equal(
            [
                "name: Invalid value: \"ab\": name in body should be at least 3 chars long",
                "tags: Invalid value: 0: tags in body should have at least 1 items",
                "selector: Too many: 3: must have at most 2 items",
                "step: Invalid value: 7: step in body should be a multiple of 5",
                "ratio: Invalid value: 0: ratio in body should be greater than 0",
            ],
            Yaml.Messages(SchemaValidator.Validate(value, schema)));
    }

    [Fact]
    public void Float_values_are_compared_with_float_bounds()
    {
        var schema = Yaml.Schema("{type: number, maximum: 1.5}");

        var error = Assert.Single(SchemaValidator.Validate(JsonValue.Create(1.75), schema));

        Assert.Equal(": Invalid value: 1.75:  in body should be less than or equal to 1.5", error.Message);
    }

    [Fact]
    public void Any_of_fails_only_when_no_branch_validates()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              tls:
                type: object
                properties:
                  secretName: {type: string}
                  certResolver: {type: string}
                anyOf:
                  - required: [secretName]
                  - required: [certResolver]
            """);

        Assert.Empty(SchemaValidator.Validate(Yaml.Object("tls: {certResolver: le}"), schema));
        Assert.Equal(
            ["tls: Invalid value: \"\": \"tls\" must validate at least one schema (anyOf)", "tls.secretName: Required value"],
            Yaml.Messages(SchemaValidator.Validate(Yaml.Object("tls: {}"), schema)));
    }

    [Fact]
    public void One_of_fails_when_several_branches_validate_and_not_fails_when_its_branch_validates()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              a: {type: string}
              b: {type: string}
            oneOf:
              - required: [a]
              - required: [b]
            not:
              required: [c]
            """);

        Assert.Empty(SchemaValidator.Validate(Yaml.Object("a: x"), schema));
        Assert.Equal(
            [": Invalid value: \"\": \"\" must validate one and only one schema (oneOf). Found 2 valid alternatives"],
            Yaml.Messages(SchemaValidator.Validate(Yaml.Object("{a: x, b: y}"), schema)));
        Assert.Contains(": Invalid value: \"\": \"\" must not validate the schema (not)", Yaml.Messages(SchemaValidator.Validate(Yaml.Object("{a: x, c: z}"), schema)));
    }

    [Fact]
    public void All_of_reports_the_failing_branch_and_that_all_must_validate()
    {
        var schema = Yaml.Schema("{type: string, allOf: [{minLength: 2}, {maxLength: 4}]}");

        Assert.Empty(SchemaValidator.Validate(JsonValue.Create("abc"), schema));
        Assert.Equal(
            [": Too long: may not be longer than 4", ": Invalid value: \"\": \"\" must validate all the schemas (allOf)"],
            Yaml.Messages(SchemaValidator.Validate(JsonValue.Create("abcdef"), schema)));
    }

    [Fact]
    public void Preserve_unknown_fields_accepts_any_content_but_checks_declared_properties()
    {
        Assert.Empty(ValidateRoute(route => route["spec"]!["extra"] = Yaml.Object("{x: {y: [1, true]}, known: {a: ok, z: 1}}")));

        var error = Assert.Single(ValidateRoute(route => route["spec"]!["extra"] = Yaml.Object("{known: {a: 5}}")));
        Assert.Equal("spec.extra.known.a", error.Field);
    }

    [Fact]
    public void A_map_list_element_that_is_not_an_object_is_invalid()
    {
        var schema = Yaml.Schema("""
            type: array
            x-kubernetes-list-type: map
            x-kubernetes-list-map-keys: [name]
            items: {type: object, properties: {name: {type: string}}, required: [name]}
            """);

        var errors = SchemaValidator.Validate(new JsonArray(new JsonObject { ["name"] = "a" }, "b"), schema);

        Assert.Contains("[1]: Invalid value: \"b\": must be an object for an array of list-type map", Yaml.Messages(errors));
    }

    [Fact]
    public void Map_lists_with_several_keys_compare_all_keys()
    {
        var schema = Yaml.Schema("""
            type: array
            x-kubernetes-list-type: map
            x-kubernetes-list-map-keys: [port, protocol]
            items:
              type: object
              required: [port, protocol]
              properties:
                port: {type: integer}
                protocol: {type: string}
            """);
        var ports = Yaml.Object("""
            ports:
              - {port: 80, protocol: TCP}
              - {port: 80, protocol: UDP}
              - {port: 80, protocol: TCP}
            """)["ports"];

        var error = Assert.Single(SchemaValidator.Validate(ports, schema));

        Assert.Equal("[2]: Duplicate value: map[string]interface {}{\"port\":80, \"protocol\":\"TCP\"}", error.Message);
    }
}
