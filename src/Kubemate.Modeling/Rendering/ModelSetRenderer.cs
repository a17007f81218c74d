using System.Text.Json.Nodes;
using Kubemate.Model.Drivers;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Rendering;

/// <summary>
/// Renders a model set: mesh models through the mesh driver, the edge set through the edge renderer, network,
/// gateway and PKI models through theirs, and verbatim objects as they are. Every problem of every layer is
/// collected; when there is any, nothing is rendered. A verbatim object that a mesh model also renders part of is
/// the base the model's fields are laid over; any other object rendered twice is a problem.
/// </summary>
public static class ModelSetRenderer
{
    public static RenderResult Render(ModelSet models, RenderSettings settings)
    {
        var verbatim = models.Of<VerbatimObject>().ToList();
        var problems = new List<ValidationProblem>();
        foreach (var (item, origin) in verbatim)
        {
            problems.AddRange(item.Validate().Select(p => p with { Path = LayerOutput.Prefix(origin, p.Path) }));
        }
        var verbatimObjects = verbatim.Select(v => v.Model.Object).ToList();
        var layers = new[]
        {
            MeshLayer.Render(models, settings),
            EdgeLayer.Render(models, verbatimObjects),
            NetworkLayer.Render(models, settings),
            PlatformLayer.Render(models, settings),
        };
        problems.AddRange(layers.SelectMany(l => l.Problems));
        if (problems.Count > 0)
        {
            return RenderResult.Failed(problems);
        }
        var mesh = layers[0].Objects;
        var rendered = layers.SelectMany(l => l.Objects).ToList();
        foreach (var (item, origin) in verbatim)
        {
            var id = ObjectIdentity.Of(item.Object);
            var partial = mesh.FindIndex(o => ObjectIdentity.Of(o.Object) == id);
            if (partial >= 0)
            {
                var at = rendered.IndexOf(mesh[partial]);
                rendered[at] = new(ObjectOverlay.Merge(item.Object, mesh[partial].Object), origin);
                mesh.RemoveAt(partial);
            }
            else
            {
                rendered.Add(new((JsonObject)item.Object.DeepClone(), origin));
            }
        }
        problems.AddRange(Duplicates(rendered));
        return problems.Count > 0
            ? RenderResult.Failed(problems)
            : new RenderResult([.. rendered.Select(r => r.Object)], [], [.. layers.SelectMany(l => l.TrustAnchorKeys)]);
    }

    private static IEnumerable<ValidationProblem> Duplicates(IEnumerable<RenderedObject> rendered) =>
        rendered.GroupBy(r => ObjectIdentity.Of(r.Object))
            .Where(g => g.Count() > 1)
            .Select(g => new ValidationProblem(g.Last().Source, $"{g.Key} is rendered more than once (by {string.Join(" and ", g.Select(r => r.Source).Distinct())})"));
}
