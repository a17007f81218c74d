using Kubemate.ApiMachinery.Structure;

namespace Kubemate.Schema.Structural;

/// <summary>
/// Derives the merge shape server-side apply uses for custom resources: list kinds from
/// <c>x-kubernetes-list-type</c> (unset means atomic), map keys from <c>x-kubernetes-list-map-keys</c>, and atomic
/// maps and structs from <c>x-kubernetes-map-type: atomic</c>. Custom resources have no strategic-merge metadata.
/// </summary>
internal static class TypeShapeBuilder
{
    public static TypeShape Build(StructuralSchema schema) => new()
    {
        Properties = schema.Properties.ToDictionary(pair => pair.Key, pair => pair.Value.ToTypeShape(), StringComparer.Ordinal),
        MapValues = schema.AdditionalProperties?.ToTypeShape(),
        Items = schema.Items?.ToTypeShape(),
        ListKind = schema.XListType switch
        {
            "set" => ListKind.Set,
            "map" => ListKind.Map,
            _ => ListKind.Atomic,
        },
        ListMapKeys = schema.XListType == "map" ? schema.XListMapKeys : [],
        IsAtomicObject = schema.XMapType == "atomic",
    };
}
