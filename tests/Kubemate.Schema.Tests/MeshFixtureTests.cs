using Kubemate.Testing;

namespace Kubemate.Schema.Tests;

/// <summary>Linkerd policy and SMI manifests from upstream tests against the CRDs Linkerd installs.</summary>
public class MeshFixtureTests
{
    private static readonly Lazy<SchemaCatalog> Linkerd = new(() => SchemaCatalog.Load(Path.Combine(RepoPaths.Schemas, "linkerd/rendered/install_crds.golden")));

    // linkerd-smi installs the v1alpha1/v1alpha2 TrafficSplit CRD; smi-sdk-go's copy serves only v1alpha4.
    private static readonly Lazy<SchemaCatalog> LinkerdSmi = new(() => SchemaCatalog.Load(Path.Combine(RepoPaths.Schemas, "smi/linkerd-smi/trafficsplit-crd.yaml")));

    public static TheoryData<string> PolicyFixtures() => new(FixtureDocuments.Files("linkerd-policy", ".yml", ".yaml"));

    public static TheoryData<string> SmiFixtures() => new(FixtureDocuments.Files("smi", ".yml", ".yaml").Where(file => file.Contains("traffic-split", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(PolicyFixtures))]
    public void Linkerd_policy_fixtures_validate_against_the_linkerd_crds(string fixture)
    {
        // The dual-stack test fills in the pod's address before applying; any IPv6 address stands in for it here.
        var (validated, problems) = FixtureDocuments.Validate(Linkerd.Value, fixture, text => text.Replace("{IPv6}", "fd00::1", StringComparison.Ordinal));

        Assert.True(validated > 0, "no policy resources found in " + fixture);
        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(SmiFixtures))]
    public void Smi_traffic_splits_validate_against_the_crd_linkerd_smi_installs(string fixture)
    {
        var (validated, problems) = FixtureDocuments.Validate(LinkerdSmi.Value, fixture);

        Assert.Equal(1, validated);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_traffic_split_with_a_string_weight_is_rejected()
    {
        var split = FixtureDocuments.Read("smi/linkerd-smi/traffic-split-leaf-weights.yaml").Single();
        split["spec"]!["backends"]![0]!["weight"] = true;

        var error = Assert.Single(LinkerdSmi.Value.Validate(split));

        Assert.Equal("spec.backends[0].weight", error.Field);
        Assert.Equal(FieldErrorType.TypeInvalid, error.Type);
    }
}
