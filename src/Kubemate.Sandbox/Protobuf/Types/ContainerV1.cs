using Kubemate.Sandbox.Protobuf.Schema;
using static Kubemate.Sandbox.Protobuf.Schema.Presence;

namespace Kubemate.Sandbox.Protobuf.Types;

/// <summary>k8s.io/api/core/v1 Container and what it is built from (Kubernetes 1.32 numbers). Declare a message before its users.</summary>
public static class ContainerV1
{
    public static readonly MessageSchema LocalObjectReference = new("core/v1 LocalObjectReference",
    [
        Field.String(1, "name"),
    ]);

    public static readonly MessageSchema ObjectFieldSelector = new("core/v1 ObjectFieldSelector",
    [
        Field.String(1, "apiVersion"),
        Field.String(2, "fieldPath", Always),
    ]);

    public static readonly MessageSchema ResourceFieldSelector = new("core/v1 ResourceFieldSelector",
    [
        Field.String(1, "containerName"),
        Field.String(2, "resource", Always),
        Field.Message(3, "divisor", WellKnown.Quantity),
    ]);

    public static readonly MessageSchema ConfigMapKeySelector = new("core/v1 ConfigMapKeySelector",
    [
        Field.Inline(1, LocalObjectReference),
        Field.String(2, "key", Always),
        Field.Bool(3, "optional", AsSent),
    ]);

    public static readonly MessageSchema SecretKeySelector = new("core/v1 SecretKeySelector",
    [
        Field.Inline(1, LocalObjectReference),
        Field.String(2, "key", Always),
        Field.Bool(3, "optional", AsSent),
    ]);

    public static readonly MessageSchema EnvVarSource = new("core/v1 EnvVarSource",
    [
        Field.Message(1, "fieldRef", ObjectFieldSelector),
        Field.Message(2, "resourceFieldRef", ResourceFieldSelector),
        Field.Message(3, "configMapKeyRef", ConfigMapKeySelector),
        Field.Message(4, "secretKeyRef", SecretKeySelector),
    ]);

    public static readonly MessageSchema EnvVar = new("core/v1 EnvVar",
    [
        Field.String(1, "name", Always),
        Field.String(2, "value"),
        Field.Message(3, "valueFrom", EnvVarSource),
    ]);

    public static readonly MessageSchema ConfigMapEnvSource = new("core/v1 ConfigMapEnvSource",
    [
        Field.Inline(1, LocalObjectReference),
        Field.Bool(2, "optional", AsSent),
    ]);

    public static readonly MessageSchema SecretEnvSource = new("core/v1 SecretEnvSource",
    [
        Field.Inline(1, LocalObjectReference),
        Field.Bool(2, "optional", AsSent),
    ]);

    public static readonly MessageSchema EnvFromSource = new("core/v1 EnvFromSource",
    [
        Field.String(1, "prefix"),
        Field.Message(2, "configMapRef", ConfigMapEnvSource),
        Field.Message(3, "secretRef", SecretEnvSource),
    ]);

    public static readonly MessageSchema ContainerPort = new("core/v1 ContainerPort",
    [
        Field.String(1, "name"),
        Field.Int32(2, "hostPort"),
        Field.Int32(3, "containerPort", Always),
        Field.String(4, "protocol"),
        Field.String(5, "hostIP"),
    ]);

    public static readonly MessageSchema ResourceClaim = new("core/v1 ResourceClaim",
    [
        Field.String(1, "name", Always),
        Field.String(2, "request"),
    ]);

    public static readonly MessageSchema ResourceRequirements = new("core/v1 ResourceRequirements",
    [
        Field.MessageMap(1, "limits", WellKnown.Quantity),
        Field.MessageMap(2, "requests", WellKnown.Quantity),
        Field.Messages(3, "claims", ResourceClaim),
    ]);

    public static readonly MessageSchema ContainerResizePolicy = new("core/v1 ContainerResizePolicy",
    [
        Field.String(1, "resourceName", Always),
        Field.String(2, "restartPolicy", Always),
    ]);

    public static readonly MessageSchema VolumeMount = new("core/v1 VolumeMount",
    [
        Field.String(1, "name", Always),
        Field.Bool(2, "readOnly"),
        Field.String(7, "recursiveReadOnly", AsSent),
        Field.String(3, "mountPath", Always),
        Field.String(4, "subPath"),
        Field.String(5, "mountPropagation", AsSent),
        Field.String(6, "subPathExpr"),
    ]);

    public static readonly MessageSchema VolumeDevice = new("core/v1 VolumeDevice",
    [
        Field.String(1, "name", Always),
        Field.String(2, "devicePath", Always),
    ]);

    public static readonly MessageSchema ExecAction = new("core/v1 ExecAction",
    [
        Field.Strings(1, "command"),
    ]);

    public static readonly MessageSchema HttpHeader = new("core/v1 HTTPHeader",
    [
        Field.String(1, "name", Always),
        Field.String(2, "value", Always),
    ]);

    public static readonly MessageSchema HttpGetAction = new("core/v1 HTTPGetAction",
    [
        Field.String(1, "path"),
        Field.Message(2, "port", WellKnown.IntOrString),
        Field.String(3, "host"),
        Field.String(4, "scheme"),
        Field.Messages(5, "httpHeaders", HttpHeader),
    ]);

    public static readonly MessageSchema TcpSocketAction = new("core/v1 TCPSocketAction",
    [
        Field.Message(1, "port", WellKnown.IntOrString),
        Field.String(2, "host"),
    ]);

    public static readonly MessageSchema GrpcAction = new("core/v1 GRPCAction",
    [
        Field.Int32(1, "port", Always),
        Field.String(2, "service", Always),
    ]);

    public static readonly MessageSchema SleepAction = new("core/v1 SleepAction",
    [
        Field.Int64(1, "seconds", Always),
    ]);

    public static readonly MessageSchema ProbeHandler = new("core/v1 ProbeHandler",
    [
        Field.Message(1, "exec", ExecAction),
        Field.Message(2, "httpGet", HttpGetAction),
        Field.Message(3, "tcpSocket", TcpSocketAction),
        Field.Message(4, "grpc", GrpcAction),
    ]);

    public static readonly MessageSchema Probe = new("core/v1 Probe",
    [
        Field.Inline(1, ProbeHandler),
        Field.Int32(2, "initialDelaySeconds"),
        Field.Int32(3, "timeoutSeconds"),
        Field.Int32(4, "periodSeconds"),
        Field.Int32(5, "successThreshold"),
        Field.Int32(6, "failureThreshold"),
        Field.Int64(7, "terminationGracePeriodSeconds", AsSent),
    ]);

    public static readonly MessageSchema LifecycleHandler = new("core/v1 LifecycleHandler",
    [
        Field.Message(1, "exec", ExecAction),
        Field.Message(2, "httpGet", HttpGetAction),
        Field.Message(3, "tcpSocket", TcpSocketAction),
        Field.Message(4, "sleep", SleepAction),
    ]);

    public static readonly MessageSchema Lifecycle = new("core/v1 Lifecycle",
    [
        Field.Message(1, "postStart", LifecycleHandler),
        Field.Message(2, "preStop", LifecycleHandler),
    ]);

    public static readonly MessageSchema Capabilities = new("core/v1 Capabilities",
    [
        Field.Strings(1, "add"),
        Field.Strings(2, "drop"),
    ]);

    public static readonly MessageSchema SeLinuxOptions = new("core/v1 SELinuxOptions",
    [
        Field.String(1, "user"),
        Field.String(2, "role"),
        Field.String(3, "type"),
        Field.String(4, "level"),
    ]);

    public static readonly MessageSchema WindowsSecurityContextOptions = new("core/v1 WindowsSecurityContextOptions",
    [
        Field.String(1, "gmsaCredentialSpecName", AsSent),
        Field.String(2, "gmsaCredentialSpec", AsSent),
        Field.String(3, "runAsUserName", AsSent),
        Field.Bool(4, "hostProcess", AsSent),
    ]);

    public static readonly MessageSchema SeccompProfile = new("core/v1 SeccompProfile",
    [
        Field.String(1, "type", Always),
        Field.String(2, "localhostProfile", AsSent),
    ]);

    public static readonly MessageSchema AppArmorProfile = new("core/v1 AppArmorProfile",
    [
        Field.String(1, "type", Always),
        Field.String(2, "localhostProfile", AsSent),
    ]);

    public static readonly MessageSchema SecurityContext = new("core/v1 SecurityContext",
    [
        Field.Message(1, "capabilities", Capabilities),
        Field.Bool(2, "privileged", AsSent),
        Field.Message(3, "seLinuxOptions", SeLinuxOptions),
        Field.Message(10, "windowsOptions", WindowsSecurityContextOptions),
        Field.Int64(4, "runAsUser", AsSent),
        Field.Int64(8, "runAsGroup", AsSent),
        Field.Bool(5, "runAsNonRoot", AsSent),
        Field.Bool(6, "readOnlyRootFilesystem", AsSent),
        Field.Bool(7, "allowPrivilegeEscalation", AsSent),
        Field.String(9, "procMount", AsSent),
        Field.Message(11, "seccompProfile", SeccompProfile),
        Field.Message(12, "appArmorProfile", AppArmorProfile),
    ]);

    public static readonly MessageSchema Container = new("core/v1 Container",
    [
        Field.String(1, "name", Always),
        Field.String(2, "image"),
        Field.Strings(3, "command"),
        Field.Strings(4, "args"),
        Field.String(5, "workingDir"),
        Field.Messages(6, "ports", ContainerPort),
        Field.Messages(19, "envFrom", EnvFromSource),
        Field.Messages(7, "env", EnvVar),
        Field.Message(8, "resources", ResourceRequirements),
        Field.Messages(23, "resizePolicy", ContainerResizePolicy),
        Field.String(24, "restartPolicy", AsSent),
        Field.Messages(9, "volumeMounts", VolumeMount),
        Field.Messages(21, "volumeDevices", VolumeDevice),
        Field.Message(10, "livenessProbe", Probe),
        Field.Message(11, "readinessProbe", Probe),
        Field.Message(22, "startupProbe", Probe),
        Field.Message(12, "lifecycle", Lifecycle),
        Field.String(13, "terminationMessagePath"),
        Field.String(20, "terminationMessagePolicy"),
        Field.String(14, "imagePullPolicy"),
        Field.Message(15, "securityContext", SecurityContext),
        Field.Bool(16, "stdin"),
        Field.Bool(17, "stdinOnce"),
        Field.Bool(18, "tty"),
    ]);
}
