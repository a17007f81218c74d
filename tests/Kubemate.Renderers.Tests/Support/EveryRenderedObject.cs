using System.Text.Json.Nodes;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Pki;
using Kubemate.Renderers.GatewayOps;
using Kubemate.Renderers.NetworkPolicies;
using Kubemate.Renderers.Pki;
using Microsoft.Extensions.Time.Testing;

namespace Kubemate.Renderers.Tests.Support;

/// <summary>At least one object of every shape every renderer produces, each named by where it came from.</summary>
internal static class EveryRenderedObject
{
    public static IReadOnlyList<(string Source, JsonObject Object)> All()
    {
        var now = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var pki = new MeshPkiGenerator(new FakeTimeProvider(now)).Generate(new MeshIdentityPkiSpec());
        var weighted = new EdgeService
        {
            Metadata = EdgeObjectMeta.Named("split", SampleEdge.Namespace),
            WeightedBackends = [new RouteBackend { Name = "a", Port = BackendPort.Of(80), Weight = 1 }, new RouteBackend { Name = "b", Port = BackendPort.Named("http"), Weight = 2, Namespace = "other" }],
        };
        var sources = new (string Source, IEnumerable<JsonObject> Objects)[]
        {
            ("edge configuration", EdgeRenderer.Render(SampleEdge.Configuration with { Services = [weighted] })),
            ("default gateway", GatewayDeploymentRenderer.Render(new GatewayDeploymentProfile())),
            ("highly available gateway", GatewayDeploymentRenderer.Render(SampleEdge.HighlyAvailableGateway)),
            ("gateway with preferred spreading", GatewayDeploymentRenderer.Render(new GatewayDeploymentProfile { AntiAffinity = AntiAffinityMode.Preferred, Disruption = new DisruptionBudget { MinAvailable = 1 } })),
            ("egress gateway", EgressGatewayRenderer.Render(SampleEdge.Egress)),
            ("access rule", [NetworkPolicyRenderer.RenderAccessRule(SampleEdge.OrdersToPayment)]),
            ("namespace isolation", NetworkPolicyRenderer.RenderNamespaceIsolation(SampleEdge.PaymentIsolation with { AllowSameNamespace = true })),
            ("alert rules", [AlertRuleRenderer.Render(SampleEdge.Alerts)]),
            ("mesh identity", new MeshPkiRenderer(new FakeTimeProvider(now.AddDays(1))).Render(pki, new MeshIdentityPkiSpec())),
        };
        return sources.SelectMany(s => s.Objects.Select(o => (s.Source, o))).ToList();
    }

    public static string Describe((string Source, JsonObject Object) item) =>
        $"{item.Source}: {Kubemate.Renderers.Json.KubeObject.Describe(item.Object)}";
}
