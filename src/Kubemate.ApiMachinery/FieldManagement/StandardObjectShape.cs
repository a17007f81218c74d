using System.Runtime.CompilerServices;
using Kubemate.ApiMachinery.Structure;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// Completes a kind's shape with what every Kubernetes object has: <c>apiVersion</c>, <c>kind</c> and the
/// <c>metadata</c> of ObjectMeta (labels and annotations are maps, finalizers a set, ownerReferences a list-map
/// keyed by uid). Without it, metadata would count as a map and be owned as a whole.
/// </summary>
internal static class StandardObjectShape
{
    private static readonly ConditionalWeakTable<TypeShape, TypeShape> Completed = new();

    private static readonly TypeShape Scalar = new();

    private static readonly TypeShape StringMap = new() { MapValues = Scalar };

    public static readonly TypeShape ObjectMeta = new()
    {
        Properties = new Dictionary<string, TypeShape>
        {
            ["name"] = Scalar,
            ["generateName"] = Scalar,
            ["namespace"] = Scalar,
            ["selfLink"] = Scalar,
            ["uid"] = Scalar,
            ["resourceVersion"] = Scalar,
            ["generation"] = Scalar,
            ["creationTimestamp"] = Scalar,
            ["deletionTimestamp"] = Scalar,
            ["deletionGracePeriodSeconds"] = Scalar,
            ["labels"] = StringMap,
            ["annotations"] = StringMap,
            ["finalizers"] = new TypeShape { ListKind = ListKind.Set, Items = Scalar, PatchStrategy = "merge" },
            ["ownerReferences"] = new TypeShape
            {
                ListKind = ListKind.Map,
                ListMapKeys = ["uid"],
                PatchMergeKey = "uid",
                PatchStrategy = "merge",
                Items = new TypeShape { IsAtomicObject = true }, // OwnerReference is +structType=atomic
            },
            ["managedFields"] = new TypeShape(),
        },
    };

    public static TypeShape Complete(TypeShape shape)
    {
        if (shape.Properties.ContainsKey("metadata") && shape.Properties.ContainsKey("apiVersion") && shape.Properties.ContainsKey("kind"))
        {
            return shape;
        }
        return Completed.GetValue(shape, static s =>
        {
            var properties = new Dictionary<string, TypeShape>(s.Properties);
            properties.TryAdd("apiVersion", Scalar);
            properties.TryAdd("kind", Scalar);
            properties.TryAdd("metadata", ObjectMeta);
            return new TypeShape
            {
                Properties = properties,
                MapValues = s.MapValues,
                Items = s.Items,
                ListKind = s.ListKind,
                ListMapKeys = s.ListMapKeys,
                PatchMergeKey = s.PatchMergeKey,
                PatchStrategy = s.PatchStrategy,
                IsAtomicObject = s.IsAtomicObject,
            };
        });
    }
}
