namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>The kinds of step in a field path, in the order the apiserver sorts them.</summary>
public enum PathElementKind
{
    /// <summary>A field of an object or a key of a map: <c>f:name</c>.</summary>
    Field,

    /// <summary>An element of a list-map, by its key fields: <c>k:{"name":"app"}</c>.</summary>
    Key,

    /// <summary>An element of a set list, by its value: <c>v:"finalizer"</c>.</summary>
    Value,

    /// <summary>An element by position: <c>i:0</c> (never written by Kubernetes for real lists).</summary>
    Index,
}
