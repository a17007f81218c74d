using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Alerts;
using Kubemate.Model.Edge.Egress;
using Kubemate.Model.Edge.Gateway;
using Kubemate.Model.Edge.Pki;
using Kubemate.Model.Validation;
using Kubemate.Renderers.GatewayOps;
using Kubemate.Renderers.Pki;

namespace Kubemate.Modeling.Rendering;

/// <summary>Gateway operations (deployment profile, egress gateway, alert rules) and the mesh identity PKI.</summary>
internal static class PlatformLayer
{
    public static LayerOutput Render(ModelSet models, RenderSettings settings)
    {
        var output = new LayerOutput();
        Each<GatewayDeploymentProfile>(models, output, GatewayDeploymentRenderer.Render);
        Each<EgressGatewayBundle>(models, output, EgressGatewayRenderer.Render);
        Each<AlertRuleSet>(models, output, rules => [AlertRuleRenderer.Render(rules)]);
        Each<MeshIdentityPkiSpec>(models, output, spec =>
        {
            var credentials = new MeshPkiGenerator(settings.Time).Generate(spec);
            if (credentials.TrustAnchorPrivateKeyPem is { } anchorKey)
            {
                output.TrustAnchorKeys.Add(anchorKey);
            }
            return new MeshPkiRenderer(settings.Time).Render(credentials, spec);
        });
        foreach (var (provided, origin) in models.Of<ProvidedMeshPki>())
        {
            var problems = provided.Spec.Validate().ToList();
            output.AddProblems(problems, origin);
            if (problems.Count > 0)
            {
                continue;
            }
            try
            {
                output.Objects.AddRange(new MeshPkiRenderer(settings.Time).Render(provided.Credentials, provided.Spec).Select(o => new RenderedObject(o, origin)));
            }
            catch (ModelValidationException ex)
            {
                output.AddProblems(ex.Problems, origin);
            }
        }
        return output;
    }

    private static void Each<T>(ModelSet models, LayerOutput output, Func<T, IReadOnlyList<JsonObject>> render)
        where T : IValidatable
    {
        foreach (var (model, origin) in models.Of<T>())
        {
            var problems = model.Validate().ToList();
            output.AddProblems(problems, origin);
            if (problems.Count == 0)
            {
                output.Objects.AddRange(render(model).Select(o => new RenderedObject(o, origin)));
            }
        }
    }
}
