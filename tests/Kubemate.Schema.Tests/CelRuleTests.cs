using System.Text.Json.Nodes;

namespace Kubemate.Schema.Tests;

/// <summary>CEL rules as a CRD author writes them: the language and Kubernetes libraries, failures, message options and the bounds that keep a hostile rule or object harmless.</summary>
public class CelRuleTests
{
    private static StructuralSchema SchemaWith(string rule, string extra = "") => Yaml.Schema($$$"""
        type: object
        properties:
          name: {type: string}
          replicas: {type: integer}
          ratio: {type: number}
          tags: {type: array, items: {type: string}}
          labels: {type: object, additionalProperties: {type: string}}
        x-kubernetes-validations:
        - rule: {{{System.Text.Json.JsonSerializer.Serialize(rule)}}}
        {{{extra}}}
        """);

    private static IReadOnlyList<FieldError> Check(string rule, string value = "{name: shop, replicas: 3, ratio: 0.5, tags: [a, b], labels: {app: shop}}", string extra = "") =>
        SchemaValidator.Validate(Yaml.Object(value), SchemaWith(rule, extra));

    public static TheoryData<string> TrueExpressions() => new(
        "self.name == 'shop' && self.replicas == 3 && self.ratio == 0.5",
        "has(self.labels) && !has(self.labels.missing) && self.labels.app == 'shop' && 'app' in self.labels",
        "self.tags.all(t, t.size() == 1) && self.tags.exists(t, t == 'b') && self.tags.exists_one(t, t == 'a')",
        "self.tags.filter(t, t != 'a') == ['b'] && self.tags.map(t, t + '!') == ['a!', 'b!'] && [1, 2, 3].map(x, x > 1, x * 10) == [20, 30]",
        "1 + 2 * 3 - 4 / 2 % 3 == 5 && 7 / 2 == 3 && -7 % 3 == -1 && 2u + 3u == 5u && 1.5 * 2.0 == 3.0",
        "1 == 1.0 && 2 > 1.5 && 1u < 2 && 'a' < 'b' && [1, 2] == [1, 2] && {'a': 1} == {'a': 1} && null == null",
        "(self.replicas > 1 ? 'many' : 'one') == 'many' && !(self.replicas in [1, 2])",
        "'a,b,c'.split(',') == ['a', 'b', 'c'] && 'a,b,c'.split(',', 2) == ['a', 'b,c'] && ['a', 'b'].join('-') == 'a-b'",
        "'shop'.substring(1) == 'hop' && 'shop'.substring(1, 3) == 'ho' && 'héllo'.size() == 5 && 'héllo'.charAt(1) == 'é'",
        "'shop'.startsWith('sh') && 'shop'.endsWith('op') && 'shop'.contains('ho') && 'shop'.indexOf('o') == 2 && 'aXa'.lastIndexOf('a') == 2",
        "'ShOp'.lowerAscii() == 'shop' && 'shop'.upperAscii() == 'SHOP' && '  x '.trim() == 'x' && 'a-b-c'.replace('-', '') == 'abc' && 'a-b-c'.replace('-', '+', 1) == 'a+b-c'",
        "'abc123'.matches('^[a-z]+[0-9]+$') && matches('abc', 'b') && !'ABC'.matches('^[a-z]+$') && 'a1b22'.findAll('[0-9]+') == ['1', '22'] && 'a1'.find('[0-9]') == '1'",
        "r'\\d' == '\\\\d' && '''multi\nline'''.contains('\\n') && \"\\x41\\u00e9\" == 'Aé' && b'ab' == bytes('ab')",
        "int('42') == 42 && uint(7) == 7u && double(2) == 2.0 && string(5) == '5' && string(true) == 'true' && int(2.9) == 2 && bool('true')",
        "duration('1h30m') == duration('90m') && duration('1.5s') > duration('1500ms') - duration('1us') && duration('-2s') < duration('0')",
        "timestamp('2024-01-02T03:04:05Z') > timestamp('2024-01-01T00:00:00Z') && timestamp('2024-01-02T03:04:05Z').getFullYear() == 2024",
        "quantity('1Gi').isGreaterThan(quantity('1G')) && quantity('500m').compareTo(quantity('0.5')) == 0 && quantity('1.5k').asInteger() == 1500 && isQuantity('10Mi') && !isQuantity('10 Mi')",
        "isIP('10.0.0.1') && isIP('::1') && !isIP('010.0.0.1') && !isIP('10.0.0') && ip('10.0.0.1').family() == 4 && ip('127.0.0.1').isLoopback()",
        "cidr('10.0.0.0/8').containsIP('10.1.2.3') && !cidr('10.0.0.0/8').containsIP(ip('11.0.0.1')) && isCIDR('::/0') && !isCIDR('10.0.0.0/33') && cidr('10.1.0.0/8').masked() == cidr('10.0.0.0/8')",
        "isURL('https://shop.example.com:8443/p?q=1') && url('https://shop.example.com:8443/p?q=1').getPort() == '8443' && url('https://shop.example.com/p').getHostname() == 'shop.example.com' && url('/a/b').getScheme() == '' && !isURL('shop.example.com') && !isURL('http://a b')",
        "'%s has %d replicas (%.1f)'.format([self.name, self.replicas, self.ratio]) == 'shop has 3 replicas (0.5)' && '%b %o %x'.format([-5, 8, 255]) == '-101 10 ff'",
        "[3, 1, 2].max() == 3 && [3, 1, 2].min() == 1 && [1, 2, 3].sum() == 6 && [1, 2, 3].isSorted() && [1, 2, 1].lastIndexOf(1) == 2 && [1, 2].indexOf(3) == -1",
        "(1 / 0 == 1 || true) && !(false && 1 / 0 == 1) && [1, 0].exists(x, x == 0 || 1 / x == 1)",
        "type(1) == int && type('a') == string && dyn(1) == 1 && size({'a': 1, 'b': 2}) == 2 && self.labels.all(k, k == 'app')");

    [Theory]
    [MemberData(nameof(TrueExpressions))]
    public void An_expression_that_holds_passes(string rule) => Assert.Empty(Check(rule));

    [Fact]
    public void A_rule_that_does_not_hold_fails_with_its_text_when_it_has_no_message()
    {
        var error = Assert.Single(Check("self.replicas < 3"));

        Assert.Equal(": Invalid value: \"object\": failed rule: self.replicas < 3", error.Message);
    }

    public static TheoryData<string, string> FailingEvaluations() => new()
    {
        { "self.labels.missing == 'x'", "no such key: missing evaluating rule: self.labels.missing == 'x'" },
        { "self.replicas / 0 == 1", "division by zero evaluating rule: self.replicas / 0 == 1" },
        { "self.tags[5] == 'a'", "index out of bounds: 5 evaluating rule: self.tags[5] == 'a'" },
        { "9223372036854775807 + self.replicas > 0", "integer overflow evaluating rule: 9223372036854775807 + self.replicas > 0" },
        { "duration(self.name) > duration('1s')", "type conversion error from 'string' to 'google.protobuf.Duration': invalid duration shop evaluating rule: duration(self.name) > duration('1s')" },
        { "self.name > 1", "'no such overload: _<_ applied to (string, int)': call arguments did not match a supported operator, function or macro signature for rule: self.name > 1" },
    };

    [Theory]
    [MemberData(nameof(FailingEvaluations))]
    public void An_evaluation_error_names_the_error_and_the_rule(string rule, string detail)
    {
        var error = Assert.Single(Check(rule));

        Assert.Equal(FieldErrorType.Invalid, error.Type);
        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Message_expression_field_path_and_reason_shape_the_error()
    {
        var extra = """
              messageExpression: "'replicas ' + string(self.replicas) + ' is more than ' + string(2)"
              message: too many replicas
              fieldPath: .replicas
              reason: FieldValueForbidden
            """;

        var error = Assert.Single(Check("self.replicas <= 2", extra: extra));

        Assert.Equal("replicas: Forbidden: replicas 3 is more than 2", error.Message);
    }

    [Fact]
    public void A_rule_on_a_nested_node_reports_at_that_node_with_its_type()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              spec:
                type: object
                properties:
                  ports:
                    type: array
                    items:
                      type: integer
                      x-kubernetes-validations: [{rule: "0 < self && self <= 65535", message: port must be between 1-65535}]
            """);

        var error = Assert.Single(SchemaValidator.Validate(Yaml.Object("{spec: {ports: [80, 70000]}}"), schema));

        Assert.Equal("spec.ports[1]: Invalid value: \"integer\": port must be between 1-65535", error.Message);
    }

    [Fact]
    public void A_rule_reading_property_names_that_are_cel_keywords_uses_the_escaped_name()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              namespace: {type: string}
              x-name: {type: string}
            x-kubernetes-validations: [{rule: "self.__namespace__ == 'default' && self.x__dash__name == 'a'"}]
            """);

        Assert.Empty(SchemaValidator.Validate(Yaml.Object("{namespace: default, x-name: a}"), schema));
        Assert.Single(SchemaValidator.Validate(Yaml.Object("{namespace: other, x-name: a}"), schema));
    }

    [Fact]
    public void A_hostile_rule_runs_out_of_its_cost_budget_instead_of_running_on()
    {
        var tags = string.Join(", ", Enumerable.Range(0, 300).Select(i => "t" + i));

        var error = Assert.Single(Check("self.tags.all(a, self.tags.all(b, self.tags.all(c, a == b || a != b)))", $"{{tags: [{tags}]}}"));

        Assert.Equal(
            "'operation cancelled: actual cost limit exceeded': no further validation rules will be run due to call cost exceeds limit for rule: self.tags.all(a, self.tags.all(b, self.tags.all(c, a == b || a != b)))",
            error.Detail);
    }

    [Fact]
    public void A_rule_cannot_build_an_unbounded_string()
    {
        var name = new string('a', 100_000);

        var error = Assert.Single(Check("self.name.replace('a', self.name).size() > 0", $"{{name: {name}}}"));

        Assert.StartsWith("string of 10000000000 characters exceeds the limit of 1048576 evaluating rule", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparing_values_nested_without_end_is_an_error_not_a_crash()
    {
        var schema = Yaml.Schema("""
            type: object
            x-kubernetes-preserve-unknown-fields: true
            x-kubernetes-validations: [{rule: "self.a == self.b"}]
            """);
        JsonNode Nested()
        {
            JsonNode node = new JsonArray();
            for (var i = 0; i < 5000; i++)
            {
                node = new JsonArray(node);
            }
            return node;
        }

        var error = Assert.Single(SchemaValidator.Validate(new JsonObject { ["a"] = Nested(), ["b"] = Nested() }, schema));

        Assert.Equal("values nested deeper than 1000 levels cannot be compared evaluating rule: self.a == self.b", error.Detail);
    }

    [Fact]
    public void All_rules_of_one_object_share_a_budget()
    {
        var schema = Yaml.Schema("""
            type: object
            properties:
              items:
                type: array
                items:
                  type: object
                  properties:
                    tags: {type: array, items: {type: string}}
                  x-kubernetes-validations: [{rule: "self.tags.all(a, self.tags.all(b, a == b || a != b))"}]
            """);
        var tags = string.Join(", ", Enumerable.Range(0, 150).Select(i => "t" + i));
        var items = string.Join(", ", Enumerable.Range(0, 100).Select(_ => $"{{tags: [{tags}]}}"));

        var errors = SchemaValidator.Validate(Yaml.Object($"{{items: [{items}]}}"), schema);

        var error = Assert.Single(errors);
        Assert.Equal("validation failed due to running out of cost budget, no further validation rules will be run", error.Detail);
    }
}
