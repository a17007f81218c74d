using Kubemate.Model;
using Kubemate.Model.Access;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Rendering;

/// <summary>Mesh models through the chosen driver: every model validated against the mesh, then rendered together.</summary>
internal static class MeshLayer
{
    public static LayerOutput Render(ModelSet models, RenderSettings settings)
    {
        var output = new LayerOutput();
        var meshModels = models.Of<IMeshModel>()
            .Where(m => settings.IntentMeshLayer || m.Model is not AccessIntent)
            .ToList();
        foreach (var (model, origin) in meshModels)
        {
            output.AddProblems(settings.Mesh.Validate(model), origin);
        }
        if (meshModels.Count == 0 || output.Problems.Count > 0)
        {
            return output;
        }
        try
        {
            var source = $"{settings.Mesh.Provider} driver";
            output.Objects.AddRange(settings.Mesh.Render(meshModels.Select(m => m.Model)).Select(o => new RenderedObject(o, source)));
        }
        catch (ModelValidationException ex)
        {
            output.AddProblems(ex.Problems, "mesh");
        }
        return output;
    }
}
