namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    /// <summary>core/v1 kinds other than Pod.</summary>
    private static class Core
    {
        public static readonly TypeShape Pod = Resource(spec: BuiltInShapes.Pod.PodSpec, status: BuiltInShapes.Pod.PodStatus);

        public static readonly TypeShape Service = Resource(
            spec: Struct(
                // Merged by port alone in strategic merge patches; apply keys by port and protocol.
                ("ports", KeyedList(TypeShape.Unknown, "port", "port", "protocol")),
                ("selector", AtomicMap()),
                ("clusterIPs", AtomicList()),
                ("externalIPs", AtomicList()),
                ("ipFamilies", AtomicList()),
                ("loadBalancerSourceRanges", AtomicList())),
            status: Struct(
                ("conditions", Conditions()),
                ("loadBalancer", Struct(("ingress", AtomicList())))));

        public static readonly TypeShape Endpoints = Resource(others: ("subsets", AtomicList()));

        public static readonly TypeShape ServiceAccount = Resource(others:
        [
            ("secrets", KeyedList(TypeShape.Unknown, "name")),
            ("imagePullSecrets", AtomicList()),
        ]);

        public static readonly TypeShape Secret = Resource();

        public static readonly TypeShape ConfigMap = Resource();

        public static readonly TypeShape Namespace = Resource(
            spec: Struct(("finalizers", AtomicList())),
            status: Struct(("conditions", Conditions())));

        public static readonly TypeShape Event = Resource();
    }
}
