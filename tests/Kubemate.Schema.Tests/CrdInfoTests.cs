using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

public class CrdInfoTests
{
    private const string Crd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names:
            plural: widgets
            kind: Widget
            shortNames: [wd]
            categories: [all]
          versions:
            - name: v1alpha1
              served: true
              storage: false
              deprecated: true
              deprecationWarning: use v1
              schema:
                openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
            - name: v1
              served: true
              storage: true
              subresources:
                status: {}
                scale: {specReplicasPath: .spec.replicas, statusReplicasPath: .status.replicas}
              additionalPrinterColumns:
                - {name: Replicas, type: integer, jsonPath: .spec.replicas}
                - {name: Age, type: date, jsonPath: .metadata.creationTimestamp, priority: 1}
              schema:
                openAPIV3Schema:
                  type: object
                  properties:
                    spec: {type: object, properties: {replicas: {type: integer}}}
                    status: {type: object, properties: {replicas: {type: integer}}}
        """;

    private static JsonObject CrdWith(Action<JsonObject> change)
    {
        var crd = Yaml.Object(Crd);
        change(crd);
        return crd;
    }

    [Fact]
    public void A_crd_is_read_with_the_apiserver_defaults_filled_in()
    {
        var crd = CrdInfo.Parse(Yaml.Object(Crd));

        Assert.Equal("widgets.example.com", crd.Name);
        Assert.Equal(("widgets", "widget", "Widget", "WidgetList"), (crd.Names.Plural, crd.Names.Singular, crd.Names.Kind, crd.Names.ListKind));
        Assert.Equal(["wd"], crd.Names.ShortNames);
        Assert.Equal(["all"], crd.Names.Categories);
        Assert.True(crd.Namespaced);
        Assert.Equal("v1", crd.StorageVersion.Name);
        Assert.True(crd.FindVersion("v1alpha1")!.Deprecated);
        Assert.Equal("use v1", crd.FindVersion("v1alpha1")!.DeprecationWarning);

        var v1 = crd.StorageVersion;
        Assert.True(v1.Subresources.Status);
        Assert.Equal(new CrdScaleSubresource(".spec.replicas", ".status.replicas", null), v1.Subresources.Scale);
        Assert.Equal(
            [new CrdPrinterColumn("Replicas", "integer", null, null, 0, ".spec.replicas"), new CrdPrinterColumn("Age", "date", null, null, 1, ".metadata.creationTimestamp")],
            v1.AdditionalPrinterColumns);
        Assert.Equal("integer", v1.Schema.Properties["spec"].Properties["replicas"].Type);
        Assert.Equal("object", v1.OpenApiV3Schema["type"]!.GetValue<string>());
    }

    [Fact]
    public void Name_must_be_plural_dot_group_and_names_must_be_dns_labels()
    {
        var errors = CrdInfo.Validate(CrdWith(crd =>
        {
            crd["metadata"]!["name"] = "widget.example.com";
            crd["spec"]!["names"]!["plural"] = "Widgets";
        }));

        Assert.Contains("metadata.name: Invalid value: \"widget.example.com\": must be spec.names.plural+\".\"+spec.group", Yaml.Messages(errors));
        Assert.Contains(
            "spec.names.plural: Invalid value: \"Widgets\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
            Yaml.Messages(errors));
    }

    [Fact]
    public void Missing_names_are_required()
    {
        var errors = CrdInfo.Validate(CrdWith(crd => crd["spec"]!["names"] = new JsonObject()));

        Assert.Contains("spec.names.plural: Required value", Yaml.Messages(errors));
        Assert.Contains("spec.names.kind: Required value", Yaml.Messages(errors));
    }

    [Fact]
    public void Exactly_one_storage_version_is_required()
    {
        var none = CrdInfo.Validate(CrdWith(crd => crd["spec"]!["versions"]![1]!["storage"] = false));
        var two = CrdInfo.Validate(CrdWith(crd => crd["spec"]!["versions"]![0]!["storage"] = true));

        Assert.Contains("spec.versions: Invalid value: []interface {}{\"v1alpha1\", \"v1\"}: must have exactly one version marked as storage version", Yaml.Messages(none));
        Assert.Contains(two, error => error.Field == "spec.versions" && error.Detail == "must have exactly one version marked as storage version");
    }

    [Fact]
    public void A_non_structural_schema_rejects_the_crd_with_the_schema_path()
    {
        var ok = CrdInfo.TryParse(
            CrdWith(crd => crd["spec"]!["versions"]![1]!["schema"]!["openAPIV3Schema"]!["properties"]!["spec"]!["properties"]!["replicas"] = new JsonObject()),
            out var info,
            out var errors);

        Assert.False(ok);
        Assert.Null(info);
        Assert.Equal(
            ["spec.versions[1].schema.openAPIV3Schema.properties[spec].properties[replicas].type: Required value: must not be empty for specified object fields"],
            Yaml.Messages(errors));
    }

    [Fact]
    public void A_version_without_schema_group_without_dot_and_a_bad_scope_are_rejected()
    {
        var errors = CrdInfo.Validate(CrdWith(crd =>
        {
            crd["spec"]!["versions"]![0]!.AsObject().Remove("schema");
            crd["spec"]!["group"] = "example";
            crd["metadata"]!["name"] = "widgets.example";
            crd["spec"]!["scope"] = "Global";
        }));

        Assert.Equal(
            [
                "spec.group: Invalid value: \"example\": should be a domain with at least one dot",
                "spec.scope: Unsupported value: \"Global\": supported values: \"Cluster\", \"Namespaced\"",
                "spec.versions[0].schema.openAPIV3Schema: Required value: schemas are required",
            ],
            Yaml.Messages(errors));
    }

    [Fact]
    public void Parse_throws_with_every_problem_in_the_message()
    {
        var exception = Assert.Throws<InvalidCrdException>(() => CrdInfo.Parse(CrdWith(crd => crd["spec"]!["scope"] = "Global")));

        Assert.Contains("spec.scope: Unsupported value: \"Global\"", exception.Message, StringComparison.Ordinal);
        Assert.Single(exception.Errors);
    }
}
