namespace Kubemate.Schema.Structural;

/// <summary>Where a schema node sits: the root, list items or an object field (the apiserver's messages differ).</summary>
internal enum SchemaLevel
{
    Root,
    Item,
    Field,
}
