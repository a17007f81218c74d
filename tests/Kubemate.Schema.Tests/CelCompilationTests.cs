using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

/// <summary>Rules are compiled when the CRD is written: one that does not compile refuses the CRD at the rule's own path, as the apiserver does.</summary>
public class CelCompilationTests
{
    private const string RulePath = "spec.versions[0].schema.openAPIV3Schema.properties[spec].x-kubernetes-validations[0]";

    private static JsonObject Crd(string validation, string specItems = "") => Yaml.Object($$$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.example.com}
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
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
                    properties:
                      replicas: {type: integer}
                      ports: {type: array, items: {type: object, properties: {port: {type: integer}}{{{specItems}}}}}
                    x-kubernetes-validations:
                    - {{{validation}}}
        """);

    public static TheoryData<string, string, string> BrokenRules() => new()
    {
        { "{rule: 'self.replicas >'}", ".rule", "compilation failed: ERROR: <input>:1:16: Syntax error: mismatched input '<EOF>' expecting" },
        { "{rule: 'self.replica > 1'}", ".rule", "compilation failed: ERROR: <input>:1:6: undefined field 'replica'" },
        { "{rule: 'self.ports.every(p, p.port > 0)'}", ".rule", "compilation failed: ERROR: <input>:1:12: undeclared reference to 'every' (in container '')" },
        { "{rule: 'size(self.ports, 1) > 0'}", ".rule", "compilation failed: ERROR: <input>:1:1: found no matching overload for 'size' applied to 2 argument(s)" },
        { "{rule: 'other.replicas > 1'}", ".rule", "compilation failed: ERROR: <input>:1:1: undeclared reference to 'other' (in container '')" },
        { "{rule: 'self.replicas + 1'}", ".rule", "compilation failed: cel expression must evaluate to a bool" },
        { "{rule: \"'a' == 'b\"}", ".rule", "compilation failed: ERROR: <input>:1:8: Syntax error: unterminated string literal" },
        { "{rule: 'self.replicas > 1', reason: FieldValueWrong}", ".reason", "supported values: \"FieldValueInvalid\", \"FieldValueForbidden\", \"FieldValueRequired\", \"FieldValueDuplicate\"" },
        { "{rule: 'self.replicas > 1', messageExpression: 'self.replicas +'}", ".messageExpression", "messageExpression compilation failed: ERROR: <input>:1:16:" },
        { "{rule: 'self.replicas > 1', fieldPath: 'replicas'}", ".fieldPath", "fieldPath must be a valid path" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void A_crd_with_a_rule_that_does_not_compile_is_refused_at_the_rule(string validation, string field, string detail)
    {
        var errors = CrdInfo.Validate(Crd(validation));

        var error = Assert.Single(errors);
        Assert.Equal(RulePath + field, error.Field);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_transition_rule_below_an_atomic_list_is_refused()
    {
        var errors = CrdInfo.Validate(Crd("{rule: 'self.replicas > 0'}", ", x-kubernetes-validations: [{rule: 'self.port == oldSelf.port'}]"));

        var error = Assert.Single(errors);
        Assert.Equal("spec.versions[0].schema.openAPIV3Schema.properties[spec].properties[ports].items.x-kubernetes-validations[0].rule", error.Field);
        Assert.Equal(FieldErrorType.Forbidden, error.Type);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(5000)]
    public void A_deeply_nested_rule_is_refused_without_exhausting_the_stack(int depth)
    {
        foreach (var rule in new[]
        {
            new string('(', depth) + "true" + new string(')', depth),
            new string('!', depth) + "true",
            string.Join(" + ", Enumerable.Repeat("1", depth)) + " > 0",
            string.Concat(Enumerable.Repeat("[", depth)) + string.Concat(Enumerable.Repeat("]", depth)) + " == []",
        })
        {
            var errors = CrdInfo.Validate(Crd($"{{rule: '{rule}'}}"));

            var error = Assert.Single(errors);
            Assert.Equal(RulePath + ".rule", error.Field);
            Assert.Contains("compilation failed", error.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_rule_that_compiles_is_accepted()
    {
        Assert.Empty(CrdInfo.Validate(Crd("{rule: 'self.ports.all(p, !has(p.port) || p.port > 0)', message: ports must be positive}")));
    }
}
