using Kubemate.Sandbox.Protobuf.Schema;
using Kubemate.Sandbox.Protobuf.Types;

namespace Kubemate.Sandbox.Admission.BuiltIn;

/// <summary>
/// The Go types of the workloads the protobuf tables do not carry whole (Pod, ReplicaSet, StatefulSet, DaemonSet,
/// Job, CronJob), for the typed decoding check only: their spec fields that hold numbers, flags and strings, so that
/// <c>replicas: "three"</c> is refused as on a real server. Field numbers follow Kubernetes 1.32 but are not used to
/// encode anything.
/// </summary>
internal static class DecodingTypes
{
    public static readonly MessageSchema Pod = Kind("core/v1 Pod", PodV1.PodSpec);

    public static readonly MessageSchema ReplicaSet = Kind("apps/v1 ReplicaSet", new("apps/v1 ReplicaSetSpec",
    [
        Field.Int32(1, "replicas"),
        Field.Int32(4, "minReadySeconds"),
        Field.Message(2, "selector", MetaV1.LabelSelector),
        Field.Message(3, "template", PodV1.PodTemplateSpec),
    ]));

    private static readonly MessageSchema StatefulSetUpdateStrategy = new("apps/v1 StatefulSetUpdateStrategy",
    [
        Field.String(1, "type"),
        Field.Message(2, "rollingUpdate", new("apps/v1 RollingUpdateStatefulSetStrategy",
        [
            Field.Int32(1, "partition"),
            Field.Message(2, "maxUnavailable", WellKnown.IntOrString),
        ])),
    ]);

    public static readonly MessageSchema StatefulSet = Kind("apps/v1 StatefulSet", new("apps/v1 StatefulSetSpec",
    [
        Field.Int32(1, "replicas"),
        Field.Message(2, "selector", MetaV1.LabelSelector),
        Field.Message(3, "template", PodV1.PodTemplateSpec),
        Field.String(5, "serviceName"),
        Field.String(6, "podManagementPolicy"),
        Field.Message(7, "updateStrategy", StatefulSetUpdateStrategy),
        Field.Int32(8, "revisionHistoryLimit"),
        Field.Int32(9, "minReadySeconds"),
        Field.Message(10, "persistentVolumeClaimRetentionPolicy", new("apps/v1 StatefulSetPersistentVolumeClaimRetentionPolicy",
        [
            Field.String(1, "whenDeleted"),
            Field.String(2, "whenScaled"),
        ])),
        Field.Message(11, "ordinals", new("apps/v1 StatefulSetOrdinals", [Field.Int32(1, "start")])),
    ]));

    public static readonly MessageSchema DaemonSet = Kind("apps/v1 DaemonSet", new("apps/v1 DaemonSetSpec",
    [
        Field.Message(1, "selector", MetaV1.LabelSelector),
        Field.Message(2, "template", PodV1.PodTemplateSpec),
        Field.Message(3, "updateStrategy", new("apps/v1 DaemonSetUpdateStrategy",
        [
            Field.String(1, "type"),
            Field.Message(2, "rollingUpdate", new("apps/v1 RollingUpdateDaemonSet",
            [
                Field.Message(1, "maxUnavailable", WellKnown.IntOrString),
                Field.Message(2, "maxSurge", WellKnown.IntOrString),
            ])),
        ])),
        Field.Int32(4, "minReadySeconds"),
        Field.Int32(6, "revisionHistoryLimit"),
    ]));

    private static readonly MessageSchema JobSpec = new("batch/v1 JobSpec",
    [
        Field.Int32(1, "parallelism"),
        Field.Int32(2, "completions"),
        Field.Int64(3, "activeDeadlineSeconds"),
        Field.Int32(7, "backoffLimit"),
        Field.Int32(12, "backoffLimitPerIndex"),
        Field.Int32(13, "maxFailedIndexes"),
        Field.Message(4, "selector", MetaV1.LabelSelector),
        Field.Bool(5, "manualSelector"),
        Field.Message(6, "template", PodV1.PodTemplateSpec),
        Field.Int32(8, "ttlSecondsAfterFinished"),
        Field.String(9, "completionMode"),
        Field.Bool(10, "suspend"),
        Field.String(14, "podReplacementPolicy"),
        Field.String(15, "managedBy"),
    ]);

    public static readonly MessageSchema Job = Kind("batch/v1 Job", JobSpec);

    public static readonly MessageSchema CronJob = Kind("batch/v1 CronJob", new("batch/v1 CronJobSpec",
    [
        Field.String(1, "schedule"),
        Field.String(8, "timeZone"),
        Field.Int64(2, "startingDeadlineSeconds"),
        Field.String(3, "concurrencyPolicy"),
        Field.Bool(4, "suspend"),
        Field.Message(5, "jobTemplate", new("batch/v1 JobTemplateSpec",
        [
            Field.Message(1, "metadata", MetaV1.ObjectMeta),
            Field.Message(2, "spec", JobSpec),
        ])),
        Field.Int32(6, "successfulJobsHistoryLimit"),
        Field.Int32(7, "failedJobsHistoryLimit"),
    ]));

    /// <summary>A kind known only by its metadata: <c>HorizontalPodAutoscaler.metadata</c> is still a <c>v1.ObjectMeta</c>.</summary>
    public static MessageSchema MetadataOnly(string version, string kind) => new($"{version} {kind}", [Field.Message(1, "metadata", MetaV1.ObjectMeta)]);

    private static MessageSchema Kind(string name, MessageSchema spec) => new(name,
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", spec),
    ]);
}
