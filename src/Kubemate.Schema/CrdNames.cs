namespace Kubemate.Schema;

/// <summary>The names a CRD serves its resource under (<c>spec.names</c>, with the apiserver's defaults applied).</summary>
public sealed record CrdNames(
    string Plural,
    string Singular,
    string Kind,
    string ListKind,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories);
