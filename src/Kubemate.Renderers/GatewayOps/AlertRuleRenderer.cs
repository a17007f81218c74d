using System.Globalization;
using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Alerts;
using Kubemate.Model.Validation;
using Kubemate.Renderers.Json;

namespace Kubemate.Renderers.GatewayOps;

/// <summary>One PrometheusRule (monitoring.coreos.com/v1) with the gateway's and the mesh's alerts.</summary>
public static class AlertRuleRenderer
{
    public const string ApiVersion = "monitoring.coreos.com/v1";

    public static JsonObject Render(AlertRuleSet rules)
    {
        ModelValidationException.ThrowIfInvalid(rules);
        var groups = new JsonArray();
        if (rules.Traefik is { } traefik)
        {
            groups.Add(Group("kubemate-traefik", TraefikRules(traefik)));
        }
        if (rules.Linkerd is { } linkerd)
        {
            groups.Add(Group("kubemate-linkerd", LinkerdRules(linkerd)));
        }
        var obj = KubeObject.Create(ApiVersion, "PrometheusRule", rules.Metadata.Name, rules.Metadata.Namespace, rules.Metadata.Labels);
        obj["spec"] = new JsonObject { ["groups"] = groups };
        return obj;
    }

    private static IEnumerable<JsonObject> TraefikRules(TraefikAlertSettings s)
    {
        var w = s.Window;
        yield return Rule(
            "TraefikConfigReloadFailed",
            "traefik_config_last_reload_success == 0",
            "5m",
            "critical",
            "The gateway failed to load its latest configuration",
            "{{ $labels.pod }} keeps serving its previous configuration: the latest reload failed. Check the gateway's log for the rejected object.");
        yield return Rule(
            "TraefikHighServerErrorRatio",
            $"sum by (service) (rate(traefik_service_requests_total{{code=~\"5..\"}}[{w}])) / sum by (service) (rate(traefik_service_requests_total[{w}])) > {Number(s.ServerErrorRatio)}",
            s.For,
            "warning",
            "Many 5xx responses from an edge service",
            $"More than {Number(s.ServerErrorRatio * 100)}% of the responses of {{{{ $labels.service }}}} are server errors.");
        yield return Rule(
            "TraefikHighP99Latency",
            $"histogram_quantile(0.99, sum by (service, le) (rate(traefik_service_request_duration_seconds_bucket[{w}]))) > {Number(s.P99LatencySeconds)}",
            s.For,
            "warning",
            "Slow edge service",
            $"The 99th percentile latency of {{{{ $labels.service }}}} is above {Number(s.P99LatencySeconds)}s.");
        yield return Rule(
            "TraefikReplicasUnavailable",
            $"kube_deployment_status_replicas_unavailable{{namespace=\"{s.Namespace}\", deployment=\"{s.DeploymentName}\"}} > 0",
            s.For,
            "warning",
            "Gateway replicas are unavailable",
            $"{{{{ $value }}}} replicas of {s.Namespace}/{s.DeploymentName} are not available; the gateway runs with reduced redundancy.");
    }

    private static IEnumerable<JsonObject> LinkerdRules(LinkerdAlertSettings s)
    {
        var w = s.Window;
        yield return Rule(
            "LinkerdControlPlaneRestarts",
            $"increase(kube_pod_container_status_restarts_total{{namespace=\"{s.ControlPlaneNamespace}\"}}[{s.RestartWindow}]) > {s.RestartThreshold}",
            "0m",
            "warning",
            "Mesh control-plane container restarting",
            $"{{{{ $labels.pod }}}}/{{{{ $labels.container }}}} restarted more than {s.RestartThreshold} times in {s.RestartWindow}.");
        yield return Rule(
            "LinkerdIdentityIssuerExpiringSoon",
            $"min(issuer_cert_ttl_seconds) < {s.IssuerExpiryDays} * 86400",
            "1h",
            "critical",
            "The mesh identity issuer certificate expires soon",
            $"The issuer certificate expires in less than {s.IssuerExpiryDays} days; once it expires no proxy can renew its identity. Rotate it now.");
        yield return Rule(
            "LinkerdProxyCpuOutlier",
            Outlier($"sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{{container=\"linkerd-proxy\"}}[{w}]))", s.ProxyOutlierFactor),
            s.For,
            "warning",
            "A mesh proxy uses far more CPU than the others",
            $"The proxy of {{{{ $labels.namespace }}}}/{{{{ $labels.pod }}}} uses more than {Number(s.ProxyOutlierFactor)} times the average proxy CPU.");
        yield return Rule(
            "LinkerdProxyMemoryOutlier",
            Outlier("sum by (namespace, pod) (container_memory_working_set_bytes{container=\"linkerd-proxy\"})", s.ProxyOutlierFactor),
            s.For,
            "warning",
            "A mesh proxy uses far more memory than the others",
            $"The proxy of {{{{ $labels.namespace }}}}/{{{{ $labels.pod }}}} uses more than {Number(s.ProxyOutlierFactor)} times the average proxy memory.");
        yield return Rule(
            "LinkerdSuccessRateDrop",
            $"sum by (namespace, deployment) (rate(response_total{{direction=\"inbound\", classification=\"success\"}}[{w}])) / sum by (namespace, deployment) (rate(response_total{{direction=\"inbound\"}}[{w}])) < {Number(s.SuccessRateThreshold)}",
            s.For,
            "warning",
            "A meshed workload's success rate dropped",
            $"The inbound success rate of {{{{ $labels.namespace }}}}/{{{{ $labels.deployment }}}} is below {Number(s.SuccessRateThreshold * 100)}%.");
    }

    private static string Outlier(string perPod, double factor) => $"{perPod} > {Number(factor)} * scalar(avg({perPod}))";

    private static JsonObject Group(string name, IEnumerable<JsonObject> rules) =>
        new() { ["name"] = name, ["rules"] = JsonMerge.Array(rules) };

    private static JsonObject Rule(string alert, string expr, string @for, string severity, string summary, string description) => new()
    {
        ["alert"] = alert,
        ["expr"] = expr,
        ["for"] = @for,
        ["labels"] = new JsonObject { ["severity"] = severity },
        ["annotations"] = new JsonObject { ["summary"] = summary, ["description"] = description },
    };

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
