using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class SchemaCatalogTests
{
    private static readonly SchemaCatalog Catalog = SchemaCatalog.FromYaml("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: not-a-crd}
        ---
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, kind: Widget}
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec:
                      type: object
                      required: [size]
                      properties:
                        size: {type: string, enum: [small, large]}
                        replicas: {type: integer, default: 1, minimum: 1}
            - name: v0
              served: false
              storage: false
              schema:
                openAPIV3Schema: {type: object}
        """);

    [Fact]
    public void Served_versions_are_indexed_by_group_version_and_kind()
    {
        Assert.True(Catalog.TryGet("example.com/v1", "Widget", out var schema));
        Assert.Equal("object", schema.Type);
        Assert.False(Catalog.Contains("example.com/v0", "Widget"));
        Assert.False(Catalog.Contains("example.com/v1", "Gadget"));
        Assert.Single(Catalog.Crds);
    }

    [Fact]
    public void Validation_reports_unknown_fields_as_strict_errors_and_leaves_the_object_alone()
    {
        var widget = Yaml.Object("""
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {size: small, colour: red}
            """);
        var original = widget.DeepClone();

        var errors = Catalog.Validate(widget);

        Assert.Equal(["unknown field \"spec.colour\""], Yaml.Messages(errors));
        Assert.Equal(FieldErrorType.UnknownField, errors[0].Type);
        Assert.True(JsonNode.DeepEquals(original, widget));
    }

    [Fact]
    public void Validation_applies_defaults_before_checking_and_reports_schema_errors()
    {
        var widget = Yaml.Object("""
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w}
            spec: {size: medium, replicas: null}
            """);

        Assert.Equal(["spec.size: Unsupported value: \"medium\": supported values: \"small\", \"large\""], Yaml.Messages(Catalog.Validate(widget)));
    }

    [Fact]
    public void An_unknown_kind_or_missing_type_meta_is_an_error()
    {
        var unknown = Assert.Single(Catalog.Validate(Yaml.Object("{apiVersion: example.com/v1, kind: Gadget}")));
        Assert.Equal("kind: Not found: \"Gadget\": no matches for kind \"Gadget\" in version \"example.com/v1\"", unknown.Message);

        Assert.Equal(
            ["apiVersion: Required value: must not be empty", "kind: Required value: must not be empty"],
            Yaml.Messages(Catalog.Validate(new JsonObject())));
    }

    [Fact]
    public void Invalid_crds_and_unreadable_yaml_fail_loading_with_the_source_named()
    {
        var invalid = Assert.Throws<SchemaCatalogException>(() => SchemaCatalog.FromYaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: wrong.example.com}
            spec:
              group: example.com
              scope: Cluster
              names: {plural: widgets, kind: Widget}
              versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
            """, "widgets.yaml"));
        Assert.StartsWith("widgets.yaml: CustomResourceDefinition \"wrong.example.com\": metadata.name: Invalid value", invalid.Message, StringComparison.Ordinal);

        var unreadable = Assert.Throws<SchemaCatalogException>(() => SchemaCatalog.FromYaml("a: [", "broken.yaml"));
        Assert.StartsWith("broken.yaml: invalid YAML", unreadable.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_a_crd_again_replaces_its_versions()
    {
        var catalog = new SchemaCatalog();
        var crd = CrdInfo.Parse(Yaml.Object("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Cluster
              names: {plural: widgets, kind: Widget}
              versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
            """));
        catalog.Add(crd);
        catalog.Add(crd with { Versions = [crd.Versions[0] with { Name = "v2" }] });

        Assert.False(catalog.Contains("example.com/v1", "Widget"));
        Assert.True(catalog.Contains("example.com/v2", "Widget"));
    }

    [Fact]
    public void Removing_a_crd_forgets_its_kinds()
    {
        var catalog = SchemaCatalog.FromYaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Cluster
              names: {plural: widgets, kind: Widget}
              versions: [{name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}]
            """);

        Assert.True(catalog.TryGetCrd("widgets.example.com", out _));
        Assert.True(catalog.Remove("widgets.example.com"));
        Assert.False(catalog.Remove("widgets.example.com"));
        Assert.False(catalog.Contains("example.com/v1", "Widget"));
    }

    [Fact]
    public void Values_built_in_code_are_read_through_their_json()
    {
        var catalog = SchemaCatalog.FromYaml("""
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            spec:
              group: example.com
              scope: Cluster
              names: {plural: widgets, kind: Widget}
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec: {type: object, properties: {since: {type: string, format: date-time}}}
            """);
        var widget = new JsonObject
        {
            ["apiVersion"] = "example.com/v1",
            ["kind"] = "Widget",
            ["spec"] = new JsonObject { ["since"] = JsonValue.Create(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero)) },
        };

        Assert.Empty(catalog.Validate(widget));
    }

    [Fact]
    public void A_directory_loads_every_crd_file_in_it()
    {
        var catalog = UpstreamSchemas.Traefik;

        Assert.True(catalog.Contains("traefik.io/v1alpha1", "IngressRoute"));
        Assert.True(catalog.Contains("traefik.io/v1alpha1", "Middleware"));
        Assert.True(catalog.Contains("traefik.io/v1alpha1", "ServersTransportTCP"));
        Assert.False(catalog.Contains("traefik.containo.us/v1alpha1", "IngressRoute"));
    }
}
