using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/api/core/v1 PodTemplateSpec, PodSpec and volumes (Kubernetes 1.32 numbers). Declare a message before its users.</summary>
public static class PodV1
{
    public static readonly MessageSchema KeyToPath = new("core/v1 KeyToPath",
    [
        Field.String(1, "key", Always),
        Field.String(2, "path", Always),
        Field.Int32(3, "mode", AsSent),
    ]);

    public static readonly MessageSchema ConfigMapVolumeSource = new("core/v1 ConfigMapVolumeSource",
    [
        Field.Inline(1, ContainerV1.LocalObjectReference),
        Field.Messages(2, "items", KeyToPath),
        Field.Int32(3, "defaultMode", AsSent),
        Field.Bool(4, "optional", AsSent),
    ]);

    public static readonly MessageSchema SecretVolumeSource = new("core/v1 SecretVolumeSource",
    [
        Field.String(1, "secretName"),
        Field.Messages(2, "items", KeyToPath),
        Field.Int32(3, "defaultMode", AsSent),
        Field.Bool(4, "optional", AsSent),
    ]);

    public static readonly MessageSchema EmptyDirVolumeSource = new("core/v1 EmptyDirVolumeSource",
    [
        Field.String(1, "medium"),
        Field.Message(2, "sizeLimit", WellKnown.Quantity),
    ]);

    public static readonly MessageSchema HostPathVolumeSource = new("core/v1 HostPathVolumeSource",
    [
        Field.String(1, "path", Always),
        Field.String(2, "type", AsSent),
    ]);

    public static readonly MessageSchema PersistentVolumeClaimVolumeSource = new("core/v1 PersistentVolumeClaimVolumeSource",
    [
        Field.String(1, "claimName", Always),
        Field.Bool(2, "readOnly"),
    ]);

    public static readonly MessageSchema VolumeSource = new("core/v1 VolumeSource",
    [
        Field.Message(1, "hostPath", HostPathVolumeSource),
        Field.Message(2, "emptyDir", EmptyDirVolumeSource),
        Field.Unsupported(3, "gcePersistentDisk"),
        Field.Unsupported(4, "awsElasticBlockStore"),
        Field.Unsupported(5, "gitRepo"),
        Field.Message(6, "secret", SecretVolumeSource),
        Field.Unsupported(7, "nfs"),
        Field.Unsupported(8, "iscsi"),
        Field.Unsupported(9, "glusterfs"),
        Field.Message(10, "persistentVolumeClaim", PersistentVolumeClaimVolumeSource),
        Field.Unsupported(11, "rbd"),
        Field.Unsupported(12, "flexVolume"),
        Field.Unsupported(13, "cinder"),
        Field.Unsupported(14, "cephfs"),
        Field.Unsupported(15, "flocker"),
        Field.Unsupported(16, "downwardAPI"),
        Field.Unsupported(17, "fc"),
        Field.Unsupported(18, "azureFile"),
        Field.Message(19, "configMap", ConfigMapVolumeSource),
        Field.Unsupported(20, "vsphereVolume"),
        Field.Unsupported(21, "quobyte"),
        Field.Unsupported(22, "azureDisk"),
        Field.Unsupported(23, "photonPersistentDisk"),
        Field.Unsupported(26, "projected"),
        Field.Unsupported(24, "portworxVolume"),
        Field.Unsupported(25, "scaleIO"),
        Field.Unsupported(27, "storageos"),
        Field.Unsupported(28, "csi"),
        Field.Unsupported(29, "ephemeral"),
        Field.Unsupported(30, "image"),
    ]);

    public static readonly MessageSchema Volume = new("core/v1 Volume",
    [
        Field.String(1, "name", Always),
        Field.Inline(2, VolumeSource),
    ]);

    public static readonly MessageSchema Toleration = new("core/v1 Toleration",
    [
        Field.String(1, "key"),
        Field.String(2, "operator"),
        Field.String(3, "value"),
        Field.String(4, "effect"),
        Field.Int64(5, "tolerationSeconds", AsSent),
    ]);

    public static readonly MessageSchema HostAlias = new("core/v1 HostAlias",
    [
        Field.String(1, "ip", Always),
        Field.Strings(2, "hostnames"),
    ]);

    public static readonly MessageSchema PodDnsConfigOption = new("core/v1 PodDNSConfigOption",
    [
        Field.String(1, "name"),
        Field.String(2, "value", AsSent),
    ]);

    public static readonly MessageSchema PodDnsConfig = new("core/v1 PodDNSConfig",
    [
        Field.Strings(1, "nameservers"),
        Field.Strings(2, "searches"),
        Field.Messages(3, "options", PodDnsConfigOption),
    ]);

    public static readonly MessageSchema Sysctl = new("core/v1 Sysctl",
    [
        Field.String(1, "name", Always),
        Field.String(2, "value", Always),
    ]);

    public static readonly MessageSchema PodSecurityContext = new("core/v1 PodSecurityContext",
    [
        Field.Message(1, "seLinuxOptions", ContainerV1.SeLinuxOptions),
        Field.Message(8, "windowsOptions", ContainerV1.WindowsSecurityContextOptions),
        Field.Int64(2, "runAsUser", AsSent),
        Field.Int64(6, "runAsGroup", AsSent),
        Field.Bool(3, "runAsNonRoot", AsSent),
        Field.Int64s(4, "supplementalGroups"),
        Field.String(12, "supplementalGroupsPolicy", AsSent),
        Field.Int64(5, "fsGroup", AsSent),
        Field.Messages(7, "sysctls", Sysctl),
        Field.String(9, "fsGroupChangePolicy", AsSent),
        Field.Message(10, "seccompProfile", ContainerV1.SeccompProfile),
        Field.Message(11, "appArmorProfile", ContainerV1.AppArmorProfile),
        Field.String(13, "seLinuxChangePolicy", AsSent),
    ]);

    public static readonly MessageSchema PodReadinessGate = new("core/v1 PodReadinessGate",
    [
        Field.String(1, "conditionType", Always),
    ]);

    public static readonly MessageSchema TopologySpreadConstraint = new("core/v1 TopologySpreadConstraint",
    [
        Field.Int32(1, "maxSkew", Always),
        Field.String(2, "topologyKey", Always),
        Field.String(3, "whenUnsatisfiable", Always),
        Field.Message(4, "labelSelector", MetaV1.LabelSelector),
        Field.Int32(5, "minDomains", AsSent),
        Field.String(6, "nodeAffinityPolicy", AsSent),
        Field.String(7, "nodeTaintsPolicy", AsSent),
        Field.Strings(8, "matchLabelKeys"),
    ]);

    public static readonly MessageSchema PodOs = new("core/v1 PodOS",
    [
        Field.String(1, "name", Always),
    ]);

    public static readonly MessageSchema PodSchedulingGate = new("core/v1 PodSchedulingGate",
    [
        Field.String(1, "name", Always),
    ]);

    public static readonly MessageSchema PodSpec = new("core/v1 PodSpec",
    [
        Field.Messages(1, "volumes", Volume),
        Field.Messages(20, "initContainers", ContainerV1.Container),
        Field.Messages(2, "containers", ContainerV1.Container, Always),
        Field.Unsupported(34, "ephemeralContainers"),
        Field.String(3, "restartPolicy"),
        Field.Int64(4, "terminationGracePeriodSeconds", AsSent),
        Field.Int64(5, "activeDeadlineSeconds", AsSent),
        Field.String(6, "dnsPolicy"),
        Field.StringMap(7, "nodeSelector"),
        Field.String(8, "serviceAccountName"),
        Field.String(9, "serviceAccount"),
        Field.Bool(21, "automountServiceAccountToken", AsSent),
        Field.String(10, "nodeName"),
        Field.Bool(11, "hostNetwork"),
        Field.Bool(12, "hostPID"),
        Field.Bool(13, "hostIPC"),
        Field.Bool(27, "shareProcessNamespace", AsSent),
        Field.Message(14, "securityContext", PodSecurityContext),
        Field.Messages(15, "imagePullSecrets", ContainerV1.LocalObjectReference),
        Field.String(16, "hostname"),
        Field.String(17, "subdomain"),
        Field.Unsupported(18, "affinity"),
        Field.String(19, "schedulerName"),
        Field.Messages(22, "tolerations", Toleration),
        Field.Messages(23, "hostAliases", HostAlias),
        Field.String(24, "priorityClassName"),
        Field.Int32(25, "priority", AsSent),
        Field.Message(26, "dnsConfig", PodDnsConfig),
        Field.Messages(28, "readinessGates", PodReadinessGate),
        Field.String(29, "runtimeClassName", AsSent),
        Field.Bool(30, "enableServiceLinks", AsSent),
        Field.String(31, "preemptionPolicy", AsSent),
        Field.MessageMap(32, "overhead", WellKnown.Quantity),
        Field.Messages(33, "topologySpreadConstraints", TopologySpreadConstraint),
        Field.Bool(35, "setHostnameAsFQDN", AsSent),
        Field.Message(36, "os", PodOs),
        Field.Bool(37, "hostUsers", AsSent),
        Field.Messages(38, "schedulingGates", PodSchedulingGate),
        Field.Unsupported(39, "resourceClaims"),
        Field.Message(40, "resources", ContainerV1.ResourceRequirements),
    ]);

    public static readonly MessageSchema PodTemplateSpec = new("core/v1 PodTemplateSpec",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", PodSpec),
    ]);
}
