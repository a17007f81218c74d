using Kubemate.Telemetry.Tests.Support;
using System.Text.Json.Nodes;
using Kubemate.Telemetry.Exposition;
using Kubemate.Telemetry.Golden;
using Kubemate.Telemetry.Querying;
using Kubemate.Cluster.Http;

namespace Kubemate.Telemetry.Tests.Simulated;

/// <summary>
/// Acceptance (issue #4, part 2): a call the mesh denies shows as 403 in the callee's metrics and in
/// <c>inbound_http_authz_deny_total</c>, in the raw scrape and in both backends.
/// </summary>
[Collection(SimulatedTrafficCollection.Name)]
public sealed class AuthorizationDenyTests(SimulatedTrafficFixture fixture)
{
    private const string ServerPath = "apis/policy.linkerd.io/v1beta3/namespaces/payments/servers";
    private static readonly WorkloadRef Payment = new("payments", "deployment", "payment");
    private static readonly TimeSpan Recent = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_server_without_an_authorization_policy_makes_the_callee_answer_403_and_count_denials()
    {
        // A Server selects payment's port; with no AuthorizationPolicy targeting it, every call to it is refused.
        await fixture.CreateAsync(ServerPath, JsonNode.Parse("""
            {"apiVersion":"policy.linkerd.io/v1beta3","kind":"Server","metadata":{"name":"payment-http","namespace":"payments"},
             "spec":{"podSelector":{"matchLabels":{"app":"payment"}},"port":"http","proxyProtocol":"HTTP/1"}}
            """)!.AsObject());
        try
        {
            var forbidden = new MetricQuery(LinkerdSeries.Responses, QueryFunctionKind.Increase, Recent,
                [LinkerdSeries.Inbound, .. LinkerdSeries.Of(Payment), LabelMatcher.Is("status_code", "403")]);
            var denials = new MetricQuery("inbound_http_authz_deny_total", QueryFunctionKind.Increase, Recent,
                [.. LinkerdSeries.Of(Payment), LabelMatcher.Is("srv_kind", "server"), LabelMatcher.Is("srv_name", "payment-http")]);
            var callerSees403 = new MetricQuery(LinkerdSeries.Responses, QueryFunctionKind.Increase, Recent,
                [LinkerdSeries.Outbound, .. LinkerdSeries.Of(new WorkloadRef("orders", "deployment", "orders")), LabelMatcher.Is("dst_deployment", "payment"), LabelMatcher.Is("status_code", "403")]);
            foreach (var backend in fixture.Backends)
            {
                foreach (var (query, what) in new[] { (forbidden, "403 responses in payment's inbound"), (denials, "inbound_http_authz_deny_total growing on payment"), (callerSees403, "403 in orders' outbound to payment") })
                {
                    await Eventually.Until(() => SimulatedTrafficFixture.SumAsync(backend, query, DateTimeOffset.UtcNow), total => total > 0,
                        $"{backend.Description}: {what}", TimeSpan.FromSeconds(60));
                }
            }

            var pod = await Eventually.Until(PaymentPodAsync, name => name is not null, "a payment pod");
            var scrape = await fixture.Api.SendRawAsync(HttpMethod.Get, $"api/v1/namespaces/payments/pods/{pod}:4191/proxy/metrics", null, null,
                HttpCompletionOption.ResponseContentRead, default);
            var samples = PrometheusTextParser.Parse(await scrape.Content.ReadAsStringAsync()).Samples;
            Assert.Contains(samples, s => s.Name == "inbound_http_authz_deny_total" && s.Labels["srv_name"] == "payment-http" && s.Value > 0);
            Assert.Contains(samples, s => s.Name == "response_total" && s.Labels["direction"] == "inbound" && s.Labels["status_code"] == "403"
                && s.Labels["classification"] == "success" && s.Value > 0);
        }
        finally
        {
            await fixture.DeleteAsync($"{ServerPath}/payment-http");
        }
    }

    private async Task<string?> PaymentPodAsync()
    {
        var pods = await fixture.Api.SendAsync(HttpMethod.Get, "api/v1/namespaces/payments/pods?labelSelector=app%3Dpayment", null, null, default);
        return (pods["items"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(p => p["status"]?["phase"]?.GetValue<string>() == "Running")
            .Select(p => p["metadata"]?["name"]?.GetValue<string>()).FirstOrDefault();
    }
}
