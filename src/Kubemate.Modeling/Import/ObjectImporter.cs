using System.Text.Json.Nodes;
using Kubemate.Model;
using Kubemate.Model.Drivers;
using Kubemate.Modeling.Rendering;

namespace Kubemate.Modeling.Import;

/// <summary>
/// Turns Kubernetes objects into a model set: the edge gateway's objects into edge models, the rest through the
/// mesh driver into mesh models, and whatever no model expresses into verbatim documents. Rendering the result with
/// the same mesh gives the objects back; the import checks that itself and reports any object it would not.
/// </summary>
public static class ObjectImporter
{
    public static ImportResult Import(IReadOnlyList<JsonObject> objects, IMeshDriver driver)
    {
        var positioned = objects.Select((o, i) => (Object: o, Position: i)).ToList();
        var mesh = MeshImport.Import([.. positioned.Where(p => !EdgeImport.IsModelled(p.Object))], driver);
        var edge = EdgeImport.Import([.. positioned.Where(p => EdgeImport.IsModelled(p.Object))], [.. mesh.Kept.Select(k => k.Object)]);
        var kept = mesh.Kept.Concat(edge.Kept)
            .OrderBy(k => k.Position)
            .Select(k => new VerbatimObject { Reason = k.Reason, Object = (JsonObject)k.Object.DeepClone() })
            .ToList();
        var documents = new List<object>();
        if (!edge.AssumedToExist.IsEmpty)
        {
            documents.Add(edge.AssumedToExist);
        }
        if (mesh.Models.Count > 0)
        {
            documents.Add(new MeshSettings { Provider = driver.Provider });
        }
        documents.AddRange(mesh.Models);
        documents.AddRange(edge.Models.Select(m => m.Model));
        documents.AddRange(kept);
        var models = new ModelSet(documents.Select((m, i) => new ModelDocument(m, $"import[{i}]")));
        return new ImportResult(models, driver.Provider, mesh.Models, edge.Models.Count, kept, edge.AssumedToExist, NotReproduced(objects, models, driver));
    }

    /// <summary>The input objects that rendering the model set would not give back exactly (expected to be none).</summary>
    private static IReadOnlyList<string> NotReproduced(IReadOnlyList<JsonObject> objects, ModelSet models, IMeshDriver driver)
    {
        var result = ModelSetRenderer.Render(models, new RenderSettings { Mesh = driver });
        if (!result.Succeeded)
        {
            return [.. result.Problems.Select(p => "the imported models do not render: " + p)];
        }
        var rendered = result.Objects.GroupBy(ObjectIdentity.Of).ToDictionary(g => g.Key, g => g.First());
        var differences = new List<string>();
        foreach (var obj in objects)
        {
            var id = ObjectIdentity.Of(obj);
            if (!rendered.Remove(id, out var back))
            {
                differences.Add($"{id} is not rendered back");
            }
            else if (!JsonNode.DeepEquals(back, obj))
            {
                differences.Add($"{id} is rendered back differently");
            }
        }
        differences.AddRange(rendered.Keys.Select(id => $"{id} is rendered but was not imported"));
        return differences;
    }
}
