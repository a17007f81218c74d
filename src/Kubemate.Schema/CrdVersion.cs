using System.Text.Json.Nodes;

namespace Kubemate.Schema;

/// <summary>One entry of a CRD's <c>spec.versions</c>.</summary>
public sealed record CrdVersion(
    string Name,
    bool Served,
    bool Storage,
    StructuralSchema Schema,
    CrdSubresources Subresources,
    IReadOnlyList<CrdPrinterColumn> AdditionalPrinterColumns)
{
    public bool Deprecated { get; init; }

    public string? DeprecationWarning { get; init; }

    /// <summary>The <c>openAPIV3Schema</c> as written (a private copy), e.g. to publish it as OpenAPI.</summary>
    public required JsonObject OpenApiV3Schema { get; init; }
}
