namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    /// <summary>core/v1 pod types: one PodSpec shared by Pod and every pod template.</summary>
    private static class Pod
    {
        private static readonly TypeShape ResourceRequirements = Struct(
            ("claims", ApplyKeyedList(TypeShape.Unknown, "name")));

        /// <summary>Container; EphemeralContainer has the same merge-relevant fields.</summary>
        private static readonly TypeShape Container = Struct(
            ("ports", KeyedList(TypeShape.Unknown, "containerPort", "containerPort", "protocol")),
            ("env", KeyedList(TypeShape.Unknown, "name")),
            ("envFrom", AtomicList()),
            ("volumeMounts", KeyedList(TypeShape.Unknown, "mountPath")),
            ("volumeDevices", KeyedList(TypeShape.Unknown, "devicePath")),
            ("command", AtomicList()),
            ("args", AtomicList()),
            ("resources", ResourceRequirements),
            ("resizePolicy", AtomicList()));

        /// <summary>NodeSelector and its terms are <c>+structType=atomic</c>.</summary>
        private static readonly TypeShape Affinity = Struct(
            ("nodeAffinity", Struct(
                ("requiredDuringSchedulingIgnoredDuringExecution", AtomicStruct(("nodeSelectorTerms", AtomicList()))),
                ("preferredDuringSchedulingIgnoredDuringExecution", AtomicList()))),
            ("podAffinity", Struct(
                ("requiredDuringSchedulingIgnoredDuringExecution", AtomicList()),
                ("preferredDuringSchedulingIgnoredDuringExecution", AtomicList()))),
            ("podAntiAffinity", Struct(
                ("requiredDuringSchedulingIgnoredDuringExecution", AtomicList()),
                ("preferredDuringSchedulingIgnoredDuringExecution", AtomicList()))));

        private static readonly TypeShape TopologySpreadConstraint = Struct(
            ("labelSelector", Meta.LabelSelector),
            ("matchLabelKeys", AtomicList()));

        public static readonly TypeShape PodSpec = Struct(
            ("volumes", KeyedListRetainingKeys(TypeShape.Unknown, "name")),
            ("initContainers", KeyedList(Container, "name")),
            ("containers", KeyedList(Container, "name")),
            ("ephemeralContainers", KeyedList(Container, "name")),
            ("imagePullSecrets", KeyedList(TypeShape.Unknown, "name")),
            ("nodeSelector", AtomicMap()),
            ("affinity", Affinity),
            ("tolerations", AtomicList()),
            ("hostAliases", KeyedList(TypeShape.Unknown, "ip")),
            ("topologySpreadConstraints", KeyedList(TopologySpreadConstraint, "topologyKey", "topologyKey", "whenUnsatisfiable")),
            ("readinessGates", AtomicList()),
            ("resourceClaims", KeyedListRetainingKeys(TypeShape.Unknown, "name")),
            ("schedulingGates", KeyedList(TypeShape.Unknown, "name")),
            ("resources", ResourceRequirements));

        public static readonly TypeShape PodTemplateSpec = Struct(
            ("metadata", Meta.ObjectMeta),
            ("spec", PodSpec));

        public static readonly TypeShape PodStatus = Struct(
            ("conditions", Conditions()),
            ("podIPs", KeyedList(TypeShape.Unknown, "ip")),
            ("hostIPs", KeyedList(TypeShape.Unknown, "ip")),
            ("resourceClaimStatuses", KeyedListRetainingKeys(TypeShape.Unknown, "name")));
    }
}
