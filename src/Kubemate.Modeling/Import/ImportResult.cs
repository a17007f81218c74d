using Kubemate.Model;

namespace Kubemate.Modeling.Import;

/// <summary>
/// What import made of a set of objects: the model set to write, and what it says about it — the models by kind,
/// the objects kept verbatim with the reason, the references assumed to exist in the cluster, and (never expected)
/// any object that rendering the model set would not give back unchanged.
/// </summary>
public sealed record ImportResult(
    ModelSet Models,
    string MeshProvider,
    IReadOnlyList<IMeshModel> MeshModels,
    int EdgeModelCount,
    IReadOnlyList<VerbatimObject> Verbatim,
    EdgeSettings AssumedToExist,
    IReadOnlyList<string> NotReproduced);
