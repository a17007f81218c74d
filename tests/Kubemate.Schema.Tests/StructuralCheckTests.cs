namespace Kubemate.Schema.Tests;

public class StructuralCheckTests
{
    private const string Root = "spec.versions[0].schema.openAPIV3Schema";

    private static IReadOnlyList<string> Check(string yaml) => Yaml.Messages(StructuralSchema.CheckStructural(Yaml.Object(yaml), Root));

    [Fact]
    public void A_structural_schema_passes() => Assert.Empty(Check("""
        type: object
        properties:
          spec:
            type: object
            properties:
              port: {x-kubernetes-int-or-string: true}
              anything: {x-kubernetes-preserve-unknown-fields: true}
              ports:
                type: array
                x-kubernetes-list-type: map
                x-kubernetes-list-map-keys: [name]
                items: {type: object, required: [name], properties: {name: {type: string}}}
            anyOf:
              - required: [port]
              - required: [anything]
        """));

    [Fact]
    public void Every_specified_node_needs_a_type()
    {
        Assert.Equal(
            [
                $"{Root}.properties[spec].properties[list].items.type: Required value: must not be empty for specified array items",
                $"{Root}.properties[spec].properties[name].type: Required value: must not be empty for specified object fields",
            ],
            Check("""
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      list: {type: array, items: {description: no type}}
                      name: {description: no type}
                """));
        Assert.Equal([$"{Root}.type: Required value: must not be empty at the root"], Check("properties: {a: {type: string}}"));
    }

    [Fact]
    public void Properties_and_additional_properties_are_mutually_exclusive_and_the_root_has_no_additional_properties()
    {
        Assert.Equal(
            [$"{Root}.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive"],
            Check("""
                type: object
                properties:
                  spec: {type: object, properties: {a: {type: string}}, additionalProperties: {type: string}}
                """));
        Assert.Equal(
            [$"{Root}.additionalProperties: Forbidden: must not be used at the root"],
            Check("{type: object, additionalProperties: {type: string}}"));
    }

    [Fact]
    public void Preserve_unknown_fields_false_and_arrays_without_items_are_rejected()
    {
        Assert.Equal(
            [
                $"{Root}.properties[list].items: Required value: must be specified",
                $"{Root}.properties[obj].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined",
            ],
            Check("""
                type: object
                properties:
                  list: {type: array}
                  obj: {type: object, x-kubernetes-preserve-unknown-fields: false}
                """));
    }

    [Fact]
    public void Value_validations_may_not_declare_types_or_fields_the_structure_lacks()
    {
        Assert.Equal(
            [
                $"{Root}.properties[spec].anyOf[0].type: Forbidden: must be empty to be structural",
                $"{Root}.properties[spec].properties[b]: Required value: because it is defined in {Root}.properties[spec].anyOf[1].properties[b]",
            ],
            Check("""
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      a: {type: string}
                    anyOf:
                      - type: object
                      - properties: {b: {minLength: 1}}
                """));
    }

    [Fact]
    public void The_int_or_string_any_of_idiom_may_name_types()
    {
        Assert.Empty(Check("""
            type: object
            properties:
              port:
                x-kubernetes-int-or-string: true
                anyOf: [{type: integer}, {type: string}]
            """));
    }

    [Fact]
    public void Root_metadata_may_only_restrict_name_and_generate_name_and_takes_no_defaults()
    {
        Assert.Empty(Check("{type: object, properties: {metadata: {type: object, properties: {name: {type: string, maxLength: 40}}}}}"));
        Assert.Equal(
            [
                $"{Root}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified",
                $"{Root}.properties[metadata].properties[labels].default: Forbidden: must not be set in top-level metadata",
            ],
            Check("""
                type: object
                properties:
                  metadata:
                    type: object
                    properties:
                      labels: {type: object, default: {a: b}, additionalProperties: {type: string}}
                """));
    }

    [Fact]
    public void List_types_must_be_consistent()
    {
        Assert.Equal(
            [
                $"{Root}.properties[a].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map",
                $"{Root}.properties[b].type: Invalid value: \"object\": must be array if x-kubernetes-list-type is specified",
                $"{Root}.properties[c].x-kubernetes-list-type: Unsupported value: \"bag\": supported values: \"atomic\", \"set\", \"map\"",
                $"{Root}.properties[d].items.properties[k].default: Required value: this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property",
            ],
            Check("""
                type: object
                properties:
                  a: {type: array, x-kubernetes-list-type: map, items: {type: object}}
                  b: {type: object, x-kubernetes-list-type: set}
                  c: {type: array, x-kubernetes-list-type: bag, items: {type: string}}
                  d:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [k]
                    items: {type: object, properties: {k: {type: string}}}
                """));
    }

    [Fact]
    public void Unsupported_keywords_are_forbidden()
    {
        Assert.Equal(
            [
                $"{Root}.properties[a].$ref: Forbidden: $ref is not supported",
                $"{Root}.properties[b].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic",
                $"{Root}.properties[c].type: Unsupported value: \"map\": supported values: \"array\", \"boolean\", \"integer\", \"number\", \"object\", \"string\"",
            ],
            Check("""
                type: object
                properties:
                  a: {type: string, $ref: '#/definitions/x'}
                  b: {type: array, uniqueItems: true, items: {type: string}}
                  c: {type: map}
                """));
    }

    [Fact]
    public void Defaults_must_validate_and_must_not_carry_unknown_fields()
    {
        Assert.Equal(
            [
                $"{Root}.properties[replicas].default: Invalid value: \"string\": {Root}.properties[replicas].default in body must be of type integer: \"string\"",
                $"{Root}.properties[tls].default: Invalid value: map[string]interface {{}}{{\"extra\":true}}: must not have unknown fields",
            ],
            Check("""
                type: object
                properties:
                  replicas: {type: integer, default: three}
                  tls: {type: object, default: {extra: true}, properties: {secret: {type: string}}}
                """));
    }

    [Fact]
    public void A_keyword_of_the_wrong_shape_is_reported_not_thrown()
    {
        var error = Assert.Single(StructuralSchema.CheckStructural(Yaml.Object("{type: object, required: yes}"), Root));

        Assert.Equal($"{Root}.required", error.Field);
        Assert.Equal("must be a list of strings", error.Detail);
    }

    [Fact]
    public void Parse_names_the_keyword_of_the_wrong_shape()
    {
        var exception = Assert.Throws<SchemaFormatException>(() => Yaml.Schema("{type: object, properties: {a: {type: string, maxLength: -1}}}"));

        Assert.Equal("properties[a].maxLength", exception.Field);
        Assert.Equal("properties[a].maxLength: must be a non-negative integer", exception.Message);
    }
}
