using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/api/apps/v1 Deployment (Kubernetes 1.32 numbers). Declare a message before its users.</summary>
public static class AppsV1
{
    public static readonly MessageSchema RollingUpdateDeployment = new("apps/v1 RollingUpdateDeployment",
    [
        Field.Message(1, "maxUnavailable", WellKnown.IntOrString),
        Field.Message(2, "maxSurge", WellKnown.IntOrString),
    ]);

    public static readonly MessageSchema DeploymentStrategy = new("apps/v1 DeploymentStrategy",
    [
        Field.String(1, "type"),
        Field.Message(2, "rollingUpdate", RollingUpdateDeployment),
    ]);

    public static readonly MessageSchema DeploymentSpec = new("apps/v1 DeploymentSpec",
    [
        Field.Int32(1, "replicas", AsSent),
        Field.Message(2, "selector", MetaV1.LabelSelector, Always),
        Field.Message(3, "template", PodV1.PodTemplateSpec),
        Field.Message(4, "strategy", DeploymentStrategy),
        Field.Int32(5, "minReadySeconds"),
        Field.Int32(6, "revisionHistoryLimit", AsSent),
        Field.Bool(7, "paused"),
        Field.Int32(9, "progressDeadlineSeconds", AsSent),
    ]);

    public static readonly MessageSchema DeploymentCondition = new("apps/v1 DeploymentCondition",
    [
        Field.String(1, "type", Always),
        Field.String(2, "status", Always),
        Field.Message(6, "lastUpdateTime", MetaV1.Time),
        Field.Message(7, "lastTransitionTime", MetaV1.Time),
        Field.String(4, "reason"),
        Field.String(5, "message"),
    ]);

    public static readonly MessageSchema DeploymentStatus = new("apps/v1 DeploymentStatus",
    [
        Field.Int64(1, "observedGeneration"),
        Field.Int32(2, "replicas"),
        Field.Int32(3, "updatedReplicas"),
        Field.Int32(7, "readyReplicas"),
        Field.Int32(4, "availableReplicas"),
        Field.Int32(5, "unavailableReplicas"),
        Field.Messages(6, "conditions", DeploymentCondition),
        Field.Int32(8, "collisionCount", AsSent),
    ]);

    public static readonly MessageSchema Deployment = new("apps/v1 Deployment",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", DeploymentSpec),
        Field.Message(3, "status", DeploymentStatus),
    ]);
}
