namespace Kubemate.Schema.Tests;

public class UpstreamCelRuleTests
{
    // Counted with every served and unserved version of every CRD under tests/upstream/schemas: Gateway API 295,
    // Istio 362, cert-manager 2, Traefik 3.
    private const int UpstreamRuleCount = 662;

    private static IEnumerable<(string Where, ValidationRule Rule)> Rules(StructuralSchema schema, string path)
    {
        foreach (var rule in schema.XValidations)
        {
            yield return (path, rule);
        }
        var children = schema.Properties.Select(property => (Schema: property.Value, Path: path + ".properties[" + property.Key + "]"))
            .Concat(schema.Items is null ? [] : [(schema.Items, path + ".items")])
            .Concat(schema.AdditionalProperties is null ? [] : [(schema.AdditionalProperties, path + ".additionalProperties")]);
        foreach (var (child, childPath) in children)
        {
            foreach (var found in Rules(child, childPath))
            {
                yield return found;
            }
        }
    }

    [Fact]
    public void Every_rule_of_the_upstream_crds_compiles()
    {
        var rules = UpstreamSchemas.All.Crds
            .SelectMany(crd => crd.Versions.SelectMany(version => Rules(version.Schema, $"{crd.Name}/{version.Name}")))
            .ToList();

        var failures = rules.Where(found => found.Rule.CompileError is not null)
            .Select(found => $"{found.Where}: {found.Rule.Rule}: {found.Rule.CompileError}")
            .ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(UpstreamRuleCount, rules.Count);
        Assert.Equal(rules.Count(found => found.Rule.Rule == "self == oldSelf"), rules.Count(found => found.Rule.IsTransitionRule));
    }
}
