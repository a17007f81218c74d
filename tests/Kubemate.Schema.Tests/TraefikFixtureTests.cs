namespace Kubemate.Schema.Tests;

/// <summary>
/// Traefik's own example manifests against Traefik's CRDs. Core kinds in the fixtures (Service, Secret,
/// EndpointSlice) are not CRDs and are skipped.
/// </summary>
public class TraefikFixtureTests
{
    // What a cluster with Traefik v3.7's CRDs says about fixtures that are not schema-valid. Traefik's provider tests
    // feed these files to the provider directly, never through an apiserver, so drift from the CRDs goes unnoticed.
    private static readonly Dictionary<string, string[]> KnownSchemaViolations = new(StringComparer.Ordinal)
    {
        // failover.errors became required in the CRD; the provider fixture predates that.
        ["traefik/crd-provider/with_failover2.yml"] = ["TraefikService/failover1: spec.failover.errors: Required value"],

        // The reference page still shows ServersTransportTCP's TLS settings directly under spec; the CRD has them under spec.tls.
        ["traefik/docs/kubernetes-crd-resource.yml"] =
        [
            "ServersTransportTCP/mytransporttcp: unknown field \"spec.certificatesSecrets\"",
            "ServersTransportTCP/mytransporttcp: unknown field \"spec.insecureSkipVerify\"",
            "ServersTransportTCP/mytransporttcp: unknown field \"spec.peerCertURI\"",
            "ServersTransportTCP/mytransporttcp: unknown field \"spec.rootCAsSecrets\"",
            "ServersTransportTCP/mytransporttcp: unknown field \"spec.serverName\"",
        ],
    };

    public static TheoryData<string> Fixtures() => new(FixtureDocuments.Files("traefik", ".yml", ".yaml"));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Traefik_fixtures_validate_against_the_traefik_crds(string fixture)
    {
        var (_, problems) = FixtureDocuments.Validate(UpstreamSchemas.Traefik, fixture);

        Assert.Equal(KnownSchemaViolations.GetValueOrDefault(fixture, []), problems);
    }

    [Theory]
    [InlineData("traefik/crd-provider/with_unknown_tls_options.yml")]
    [InlineData("traefik/crd-provider/with_empty_services_ts.yml")]
    public void Fixtures_traefik_rejects_for_dangling_references_are_still_schema_valid(string fixture)
    {
        // Traefik refuses these when resolving references (unknown TLS option, services without endpoints);
        // the CRD schema cannot see that, so an apiserver accepts them.
        var (validated, problems) = FixtureDocuments.Validate(UpstreamSchemas.Traefik, fixture);

        Assert.True(validated > 0);
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_traefik_kind_in_the_fixtures_is_known_to_the_catalog()
    {
        var traefikKinds = FixtureDocuments.Files("traefik", ".yml", ".yaml")
            .SelectMany(FixtureDocuments.Read)
            .Where(document => document["apiVersion"]?.ToString().StartsWith("traefik.", StringComparison.Ordinal) == true)
            .Select(document => (document["apiVersion"]!.ToString(), document["kind"]!.ToString()))
            .Distinct()
            .ToList();

        Assert.NotEmpty(traefikKinds);
        Assert.All(traefikKinds, kind => Assert.True(UpstreamSchemas.Traefik.Contains(kind.Item1, kind.Item2), kind.ToString()));
    }
}
