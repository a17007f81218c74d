using System.Text.Json.Nodes;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Drivers;

/// <summary>
/// One model kind in one mesh: render a model to its objects, and read those objects back.
/// A driver built on <see cref="MeshDriverBase"/> is a list of these.
/// </summary>
public interface IModelMapper
{
    bool Handles(IMeshModel model);

    /// <summary>Problems only this mesh has with the (otherwise valid) model.</summary>
    IEnumerable<ValidationProblem> Validate(IMeshModel model);

    /// <summary>The objects in their canonical form, shaped by the model's hints but without residues.</summary>
    IEnumerable<JsonObject> Render(IMeshModel model);

    /// <summary>Claims the objects it understands from the pool and returns their models (hints set, no residues).</summary>
    IEnumerable<IMeshModel> Read(ObjectPool pool);
}
