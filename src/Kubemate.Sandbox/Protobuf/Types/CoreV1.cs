using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/api/core/v1 ConfigMap, Secret, Namespace, ServiceAccount, Service (Kubernetes 1.32 numbers). Declare a message before its users.</summary>
public static class CoreV1
{
    public static readonly MessageSchema ConfigMap = new("core/v1 ConfigMap",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Bool(4, "immutable", AsSent),
        Field.StringMap(2, "data"),
        Field.BytesMap(3, "binaryData"),
    ]);

    public static readonly MessageSchema Secret = new("core/v1 Secret",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Bool(5, "immutable", AsSent),
        Field.BytesMap(2, "data"),
        Field.StringMap(4, "stringData"),
        Field.String(3, "type"),
    ]);

    public static readonly MessageSchema NamespaceSpec = new("core/v1 NamespaceSpec",
    [
        Field.Strings(1, "finalizers"),
    ]);

    public static readonly MessageSchema NamespaceCondition = new("core/v1 NamespaceCondition",
    [
        Field.String(1, "type", Always),
        Field.String(2, "status", Always),
        Field.Message(4, "lastTransitionTime", MetaV1.Time),
        Field.String(5, "reason"),
        Field.String(6, "message"),
    ]);

    public static readonly MessageSchema NamespaceStatus = new("core/v1 NamespaceStatus",
    [
        Field.String(1, "phase"),
        Field.Messages(2, "conditions", NamespaceCondition),
    ]);

    public static readonly MessageSchema Namespace = new("core/v1 Namespace",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", NamespaceSpec),
        Field.Message(3, "status", NamespaceStatus),
    ]);

    public static readonly MessageSchema ObjectReference = new("core/v1 ObjectReference",
    [
        Field.String(1, "kind"),
        Field.String(2, "namespace"),
        Field.String(3, "name"),
        Field.String(4, "uid"),
        Field.String(5, "apiVersion"),
        Field.String(6, "resourceVersion"),
        Field.String(7, "fieldPath"),
    ]);

    public static readonly MessageSchema ServiceAccount = new("core/v1 ServiceAccount",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Messages(2, "secrets", ObjectReference),
        Field.Messages(3, "imagePullSecrets", ContainerV1.LocalObjectReference),
        Field.Bool(4, "automountServiceAccountToken", AsSent),
    ]);

    public static readonly MessageSchema ServicePort = new("core/v1 ServicePort",
    [
        Field.String(1, "name"),
        Field.String(2, "protocol"),
        Field.String(6, "appProtocol", AsSent),
        Field.Int32(3, "port", Always),
        Field.Message(4, "targetPort", WellKnown.IntOrString),
        Field.Int32(5, "nodePort"),
    ]);

    public static readonly MessageSchema ClientIpConfig = new("core/v1 ClientIPConfig",
    [
        Field.Int32(1, "timeoutSeconds", AsSent),
    ]);

    public static readonly MessageSchema SessionAffinityConfig = new("core/v1 SessionAffinityConfig",
    [
        Field.Message(1, "clientIP", ClientIpConfig),
    ]);

    public static readonly MessageSchema ServiceSpec = new("core/v1 ServiceSpec",
    [
        Field.Messages(1, "ports", ServicePort),
        Field.StringMap(2, "selector"),
        Field.String(3, "clusterIP"),
        Field.Strings(18, "clusterIPs"),
        Field.String(4, "type"),
        Field.Strings(5, "externalIPs"),
        Field.String(7, "sessionAffinity"),
        Field.String(8, "loadBalancerIP"),
        Field.Strings(9, "loadBalancerSourceRanges"),
        Field.String(10, "externalName"),
        Field.String(11, "externalTrafficPolicy"),
        Field.Int32(12, "healthCheckNodePort"),
        Field.Bool(13, "publishNotReadyAddresses"),
        Field.Message(14, "sessionAffinityConfig", SessionAffinityConfig),
        Field.Strings(19, "ipFamilies"),
        Field.String(17, "ipFamilyPolicy", AsSent),
        Field.Bool(20, "allocateLoadBalancerNodePorts", AsSent),
        Field.String(21, "loadBalancerClass", AsSent),
        Field.String(22, "internalTrafficPolicy", AsSent),
        Field.String(23, "trafficDistribution", AsSent),
    ]);

    public static readonly MessageSchema PortStatus = new("core/v1 PortStatus",
    [
        Field.Int32(1, "port", Always),
        Field.String(2, "protocol", Always),
        Field.String(3, "error", AsSent),
    ]);

    public static readonly MessageSchema LoadBalancerIngress = new("core/v1 LoadBalancerIngress",
    [
        Field.String(1, "ip"),
        Field.String(2, "hostname"),
        Field.String(3, "ipMode", AsSent),
        Field.Messages(4, "ports", PortStatus),
    ]);

    public static readonly MessageSchema LoadBalancerStatus = new("core/v1 LoadBalancerStatus",
    [
        Field.Messages(1, "ingress", LoadBalancerIngress),
    ]);

    public static readonly MessageSchema ServiceStatus = new("core/v1 ServiceStatus",
    [
        Field.Message(1, "loadBalancer", LoadBalancerStatus),
        Field.Messages(2, "conditions", MetaV1.Condition),
    ]);

    public static readonly MessageSchema Service = new("core/v1 Service",
    [
        Field.Message(1, "metadata", MetaV1.ObjectMeta),
        Field.Message(2, "spec", ServiceSpec),
        Field.Message(3, "status", ServiceStatus),
    ]);
}
