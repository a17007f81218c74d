namespace Kubemate.ApiMachinery.Structure;

public static partial class BuiltInShapes
{
    /// <summary>apps/v1 and batch/v1 workloads, all embedding the shared pod template.</summary>
    private static class Workloads
    {
        public static readonly TypeShape Deployment = Resource(
            spec: Struct(
                ("selector", Meta.LabelSelector),
                ("template", Pod.PodTemplateSpec),
                // A union of Recreate and RollingUpdate: apply sends $retainKeys so switching type drops rollingUpdate.
                ("strategy", RetainKeysStruct())),
            status: Struct(("conditions", Conditions())));

        public static readonly TypeShape ReplicaSet = Resource(
            spec: Struct(
                ("selector", Meta.LabelSelector),
                ("template", Pod.PodTemplateSpec)),
            status: Struct(("conditions", Conditions())));

        public static readonly TypeShape StatefulSet = Resource(
            spec: Struct(
                ("selector", Meta.LabelSelector),
                ("template", Pod.PodTemplateSpec),
                ("volumeClaimTemplates", AtomicList())),
            status: Struct(("conditions", Conditions())));

        public static readonly TypeShape DaemonSet = Resource(
            spec: Struct(
                ("selector", Meta.LabelSelector),
                ("template", Pod.PodTemplateSpec)),
            status: Struct(("conditions", Conditions())));

        private static readonly TypeShape JobSpec = Struct(
            ("selector", Meta.LabelSelector),
            ("template", Pod.PodTemplateSpec),
            ("podFailurePolicy", Struct(("rules", AtomicList()))),
            ("successPolicy", Struct(("rules", AtomicList()))));

        public static readonly TypeShape Job = Resource(
            spec: JobSpec,
            // Job conditions merge by type in strategic merge patches but are +listType=atomic for apply.
            status: Struct(("conditions", PatchKeyedAtomicList(TypeShape.Unknown, "type"))));

        public static readonly TypeShape CronJob = Resource(
            spec: Struct(
                ("jobTemplate", Struct(
                    ("metadata", Meta.ObjectMeta),
                    ("spec", JobSpec)))),
            status: Struct(("active", AtomicList())));
    }
}
