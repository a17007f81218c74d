namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    /// <summary>core/v1 PersistentVolume and PersistentVolumeClaim.</summary>
    private static class Storage
    {
        public static readonly TypeShape PersistentVolume = Resource(
            spec: Struct(
                ("accessModes", AtomicList()),
                ("mountOptions", AtomicList()),
                ("nodeAffinity", Struct(("required", Struct(("nodeSelectorTerms", AtomicList())))))),
            status: Struct());

        public static readonly TypeShape PersistentVolumeClaim = Resource(
            spec: Struct(
                ("accessModes", AtomicList()),
                ("selector", Meta.LabelSelector)),
            status: Struct(
                ("accessModes", AtomicList()),
                ("conditions", Conditions())));
    }
}
