namespace Kubemate.Modeling;

/// <summary>
/// One model and where it came from: the path its problems are reported under, such as <c>model.yaml[2].spec</c>
/// for the third document of a file, or <c>split</c> for a model made from flags.
/// </summary>
public sealed record ModelDocument(object Model, string Origin);

/// <summary>The models of one model file (or of one family's flags), in document order.</summary>
public sealed class ModelSet(IEnumerable<ModelDocument> documents)
{
    public static readonly ModelSet Empty = new([]);

    public IReadOnlyList<ModelDocument> Documents { get; } = [.. documents];

    public IEnumerable<(T Model, string Origin)> Of<T>() =>
        Documents.Where(d => d.Model is T).Select(d => ((T)d.Model, d.Origin));

    public static ModelSet FromModels(string origin, params object[] models) =>
        new(models.Select(m => new ModelDocument(m, origin)));

    public ModelSet Concat(ModelSet other) => new([.. Documents, .. other.Documents]);
}
