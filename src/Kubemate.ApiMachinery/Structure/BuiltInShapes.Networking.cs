namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    /// <summary>networking.k8s.io/v1 and discovery.k8s.io/v1: rule lists are atomic throughout.</summary>
    private static class Networking
    {
        public static readonly TypeShape NetworkPolicy = Resource(
            spec: Struct(
                ("podSelector", Meta.LabelSelector),
                ("ingress", AtomicList()),
                ("egress", AtomicList()),
                ("policyTypes", AtomicList())));

        public static readonly TypeShape Ingress = Resource(
            spec: Struct(
                ("rules", AtomicList()),
                ("tls", AtomicList())),
            status: Struct(("loadBalancer", Struct(("ingress", AtomicList())))));

        public static readonly TypeShape EndpointSlice = Resource(others:
        [
            ("endpoints", AtomicList()),
            ("ports", AtomicList()),
        ]);
    }
}
