using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Rendering;

/// <summary>What one layer of a model set rendered, and the problems it found.</summary>
internal sealed class LayerOutput
{
    public List<RenderedObject> Objects { get; } = [];

    public List<ValidationProblem> Problems { get; } = [];

    public List<string> TrustAnchorKeys { get; } = [];

    public void AddProblems(IEnumerable<ValidationProblem> problems, string origin) =>
        Problems.AddRange(problems.Select(p => p with { Path = Prefix(origin, p.Path) }));

    public static string Prefix(string origin, string path) =>
        path.Length == 0 ? origin : path.StartsWith('[') ? origin + path : FieldPath.Child(origin, path);
}
