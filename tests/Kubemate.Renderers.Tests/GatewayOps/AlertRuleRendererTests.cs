using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Alerts;
using Kubemate.Model.Validation;
using Kubemate.Renderers.GatewayOps;
using Kubemate.Renderers.Tests.Support;

namespace Kubemate.Renderers.Tests.GatewayOps;

public class AlertRuleRendererTests
{
    private static IEnumerable<JsonNode> Rules(JsonObject rule) => rule["spec"]!["groups"]!.AsArray().SelectMany(g => g!["rules"]!.AsArray())!;

    private static string Expression(JsonObject rule, string alert) =>
        Rules(rule).Single(r => r["alert"]!.GetValue<string>() == alert)["expr"]!.GetValue<string>();

    [Fact]
    public void The_alert_rules_render_as_their_golden_file()
    {
        Golden.Verify("alert-rules", [AlertRuleRenderer.Render(SampleEdge.Alerts)]);
    }

    [Fact]
    public void The_gateway_alerts_watch_reloads_errors_latency_and_replicas()
    {
        var rule = AlertRuleRenderer.Render(SampleEdge.Alerts);

        Assert.Equal("traefik_config_last_reload_success == 0", Expression(rule, "TraefikConfigReloadFailed"));
        Assert.Contains("code=~\"5..\"", Expression(rule, "TraefikHighServerErrorRatio"));
        Assert.EndsWith("> 0.05", Expression(rule, "TraefikHighServerErrorRatio"));
        Assert.StartsWith("histogram_quantile(0.99, ", Expression(rule, "TraefikHighP99Latency"));
        Assert.Contains("kube_deployment_status_replicas_unavailable{namespace=\"traefik\", deployment=\"traefik\"}", Expression(rule, "TraefikReplicasUnavailable"));
    }

    [Fact]
    public void The_mesh_alerts_watch_restarts_issuer_expiry_proxy_outliers_and_success_rate()
    {
        var rule = AlertRuleRenderer.Render(SampleEdge.Alerts with { Linkerd = new LinkerdAlertSettings { IssuerExpiryDays = 45 } });

        Assert.Contains("kube_pod_container_status_restarts_total{namespace=\"linkerd\"}", Expression(rule, "LinkerdControlPlaneRestarts"));
        Assert.Equal("min(issuer_cert_ttl_seconds) < 45 * 86400", Expression(rule, "LinkerdIdentityIssuerExpiringSoon"));
        Assert.Contains("container=\"linkerd-proxy\"", Expression(rule, "LinkerdProxyCpuOutlier"));
        Assert.Contains("> 3 * scalar(avg(", Expression(rule, "LinkerdProxyMemoryOutlier"));
        Assert.Contains("classification=\"success\"", Expression(rule, "LinkerdSuccessRateDrop"));
        Assert.EndsWith("< 0.95", Expression(rule, "LinkerdSuccessRateDrop"));
    }

    [Fact]
    public void Leaving_out_the_mesh_leaves_only_the_gateway_group()
    {
        var rule = AlertRuleRenderer.Render(SampleEdge.Alerts with { Linkerd = null });

        Assert.Equal(["kubemate-traefik"], rule["spec"]!["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Thresholds_outside_their_range_are_rejected()
    {
        var rules = SampleEdge.Alerts with
        {
            Traefik = new TraefikAlertSettings { ServerErrorRatio = 5, For = "ten minutes" },
            Linkerd = new LinkerdAlertSettings { IssuerExpiryDays = 0, SuccessRateThreshold = 0 },
        };

        var error = Assert.Throws<ModelValidationException>(() => AlertRuleRenderer.Render(rules));

        Assert.Equal(["traefik.serverErrorRatio", "traefik.for", "linkerd.issuerExpiryDays", "linkerd.successRateThreshold"], error.Problems.Select(p => p.Path));
    }
}
