namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    /// <summary>meta/v1 types shared by every kind.</summary>
    private static class Meta
    {
        /// <summary>OwnerReference is <c>+structType=atomic</c>.</summary>
        private static readonly TypeShape OwnerReference = AtomicStruct();

        public static readonly TypeShape ObjectMeta = Struct(
            ("finalizers", MergedSet()),
            ("ownerReferences", KeyedList(OwnerReference, "uid")),
            ("managedFields", AtomicList()));

        /// <summary>LabelSelector is <c>+structType=atomic</c>; its matchExpressions are atomic.</summary>
        public static readonly TypeShape LabelSelector = AtomicStruct(
            ("matchExpressions", AtomicList()));
    }
}
