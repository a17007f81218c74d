namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>The annotation, label, container and volume names Linkerd's injector reads and writes.</summary>
public static class LinkerdNames
{
    public const string InjectAnnotation = "linkerd.io/inject";
    public const string InjectEnabled = "enabled";
    public const string InjectDisabled = "disabled";
    public const string InjectIngress = "ingress";

    public const string CreatedByAnnotation = "linkerd.io/created-by";
    public const string ProxyVersionAnnotation = "linkerd.io/proxy-version";
    public const string TrustRootSha256Annotation = "linkerd.io/trust-root-sha256";

    public const string ControlPlaneNsLabel = "linkerd.io/control-plane-ns";
    public const string WorkloadNsLabel = "linkerd.io/workload-ns";
    public const string ControlPlaneComponentLabel = "linkerd.io/control-plane-component";
    public const string CniResourceLabel = "linkerd.io/cni-resource";

    /// <summary>A namespace label that switches every Linkerd admission webhook off for that namespace.</summary>
    public const string AdmissionWebhooksLabel = "config.linkerd.io/admission-webhooks";

    public const string ProxyContainer = "linkerd-proxy";
    public const string InitContainer = "linkerd-init";
    public const string NetworkValidatorContainer = "linkerd-network-validator";

    public const string XtablesLockVolume = "linkerd-proxy-init-xtables-lock";
    public const string IdentityEndEntityVolume = "linkerd-identity-end-entity";
    public const string IdentityTokenVolume = "linkerd-identity-token";

    public const string ServiceAccountMountPath = "/var/run/secrets/kubernetes.io/serviceaccount";

    /// <summary>Namespaces the proxy-injector's namespaceSelector leaves out.</summary>
    public static readonly IReadOnlySet<string> ExcludedNamespaces = new HashSet<string>(StringComparer.Ordinal) { "kube-system", "cert-manager" };

    /// <summary>The <c>linkerd.io/proxy-&lt;kind&gt;</c> label for a pod owner kind, or null for kinds Linkerd does not label.</summary>
    public static string? OwnerLabel(string ownerKind) => ownerKind switch
    {
        "Deployment" => "linkerd.io/proxy-deployment",
        "ReplicaSet" => "linkerd.io/proxy-replicaset",
        "ReplicationController" => "linkerd.io/proxy-replicationcontroller",
        "StatefulSet" => "linkerd.io/proxy-statefulset",
        "DaemonSet" => "linkerd.io/proxy-daemonset",
        "Job" => "linkerd.io/proxy-job",
        "CronJob" => "linkerd.io/proxy-cronjob",
        _ => null,
    };
}
