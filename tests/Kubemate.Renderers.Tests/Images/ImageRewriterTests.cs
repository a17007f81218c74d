using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Images;
using Kubemate.Model.Validation;
using Kubemate.Renderers.GatewayOps;
using Kubemate.Renderers.Images;
using Kubemate.Renderers.Tests.Support;

namespace Kubemate.Renderers.Tests.Images;

public class ImageRewriterTests
{
    private static readonly PrivateRegistryRewrite Mirror = new() { Registry = "registry.bank.internal:5000/mirror" };

    [Theory]
    [InlineData("cr.l5d.io/linkerd/proxy:edge-26.8.3", "registry.bank.internal:5000/mirror/linkerd/proxy:edge-26.8.3")]
    [InlineData("traefik:v3.7.9", "registry.bank.internal:5000/mirror/library/traefik:v3.7.9")]
    [InlineData("bitnami/redis", "registry.bank.internal:5000/mirror/bitnami/redis")]
    [InlineData("localhost:5000/team/app:1.0", "registry.bank.internal:5000/mirror/team/app:1.0")]
    [InlineData("quay.io/jetstack/cert-manager-controller@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "registry.bank.internal:5000/mirror/jetstack/cert-manager-controller@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("ghcr.io/org/tool:2.1@sha256:aa", "registry.bank.internal:5000/mirror/org/tool:2.1@sha256:aa")]
    [InlineData("registry.bank.internal:5000/mirror/linkerd/proxy:v1", "registry.bank.internal:5000/mirror/linkerd/proxy:v1")]
    public void Images_move_to_the_private_registry_keeping_tags_and_digests(string image, string expected)
    {
        Assert.Equal(expected, ImageRewriter.RewriteImage(image, Mirror));
    }

    [Fact]
    public void The_source_registry_can_be_kept_as_a_path_segment()
    {
        var rule = Mirror with { KeepSourceRegistryInPath = true };

        Assert.Equal("registry.bank.internal:5000/mirror/cr.l5d.io/linkerd/proxy:v1", ImageRewriter.RewriteImage("cr.l5d.io/linkerd/proxy:v1", rule));
        Assert.Equal("registry.bank.internal:5000/mirror/library/nginx:1", ImageRewriter.RewriteImage("nginx:1", rule));
    }

    [Fact]
    public void Every_container_list_of_every_pod_template_is_rewritten_and_reported()
    {
        var manifests = new[]
        {
            Parse("""{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"initContainers":[{"name":"init","image":"busybox:1.36"}],"containers":[{"name":"app","image":"nginx:1.27"}],"ephemeralContainers":[{"name":"debug","image":"alpine"}]}}"""),
            Parse("""{"apiVersion":"batch/v1","kind":"CronJob","metadata":{"name":"c","namespace":"ops"},"spec":{"jobTemplate":{"spec":{"template":{"spec":{"containers":[{"name":"job","image":"cr.l5d.io/linkerd/cli:v1"}]}}}}}}"""),
            Parse("""{"apiVersion":"v1","kind":"List","items":[{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"name":"d"},"spec":{"template":{"spec":{"containers":[{"name":"agent","image":"quay.io/x/agent@sha256:ff"}]}}}}]}"""),
            Parse("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"cm"},"data":{"image":"nginx:1.27"}}"""),
        };

        var result = ImageRewriter.Rewrite(manifests, Mirror);

        Assert.Equal("registry.bank.internal:5000/mirror/library/busybox:1.36", result.Objects[0]["spec"]!["initContainers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal("registry.bank.internal:5000/mirror/library/alpine", result.Objects[0]["spec"]!["ephemeralContainers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal("registry.bank.internal:5000/mirror/linkerd/cli:v1", result.Objects[1]["spec"]!["jobTemplate"]!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal("registry.bank.internal:5000/mirror/x/agent@sha256:ff", result.Objects[2]["items"]![0]!["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
        Assert.Equal("nginx:1.27", result.Objects[3]["data"]!["image"]!.GetValue<string>());
        Assert.Equal(5, result.Rewrites.Count);
        Assert.Contains(result.Rewrites, r => r.Object == "CronJob ops/c" && r.Path == "spec.jobTemplate.spec.template.spec.containers[0].image" && r.From == "cr.l5d.io/linkerd/cli:v1");
        Assert.Equal("nginx:1.27", manifests[0]["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void Rendered_gateway_manifests_point_at_the_private_registry()
    {
        var result = ImageRewriter.Rewrite(GatewayDeploymentRenderer.Render(SampleEdge.HighlyAvailableGateway), Mirror);

        var deployment = result.Objects.Single(o => o["kind"]!.GetValue<string>() == "Deployment");
        Assert.Equal("registry.bank.internal:5000/mirror/library/traefik:v3.7.9", deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>());
    }

    [Fact]
    public void Excluded_prefixes_are_left_alone()
    {
        Assert.Equal("quay.io/keep/me:1", ImageRewriter.RewriteImage("quay.io/keep/me:1", Mirror with { Exclude = ["quay.io/keep/"] }));
    }

    [Theory]
    [InlineData("https://registry.bank.internal", "registry")]
    [InlineData("registry.bank.internal:99999", "registry")]
    [InlineData("", "registry")]
    [InlineData("registry.bank.internal/Mirror", "registry")]
    public void A_bad_registry_is_rejected(string registry, string path)
    {
        var error = Assert.Throws<ModelValidationException>(() => ImageRewriter.Rewrite([], new PrivateRegistryRewrite { Registry = registry }));

        Assert.Contains(error.Problems, p => p.Path == path);
    }

    private static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;
}
