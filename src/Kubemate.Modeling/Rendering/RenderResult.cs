using System.Text.Json.Nodes;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling.Rendering;

/// <summary>An object a layer rendered and where it came from (a document origin or a layer name), for conflict reports.</summary>
public sealed record RenderedObject(JsonObject Object, string Source);

/// <summary>
/// What rendering a model set gave: the objects, or (never both) every problem found. Trust anchor keys Kubemate
/// generated are handed back here once, never rendered into an object.
/// </summary>
public sealed record RenderResult(IReadOnlyList<JsonObject> Objects, IReadOnlyList<ValidationProblem> Problems, IReadOnlyList<string> TrustAnchorKeys)
{
    public bool Succeeded => Problems.Count == 0;

    public static RenderResult Failed(IReadOnlyList<ValidationProblem> problems) => new([], problems, []);
}
