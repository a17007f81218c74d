using System.Text.Json.Nodes;
using Kubemate.Sandbox.Simulation.Admission;
using Kubemate.Sandbox.Simulation.Injection.Istio;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>
/// The Istio control plane of the demo estate (sidecar mode) in namespace <c>istio-system</c>, shaped like a default
/// <c>istioctl install</c>: the istiod Deployment, its Service and ServiceAccount, the <c>istio-sidecar-injector</c>
/// ConfigMap and MutatingWebhookConfiguration (which turn on the sandbox's Istio injection), and the self-signed CA
/// istiod keeps in <c>istio-ca-secret</c>, as a real certificate.
/// </summary>
public static class IstioControlPlane
{
    public const string Namespace = "istio-system";
    public const string TrustDomain = "cluster.local";

    public static IReadOnlyList<JsonObject> Objects(DateTimeOffset now)
    {
        var config = new IstioInjectorConfig { IstioNamespace = Namespace, TrustDomain = TrustDomain };
        var notBefore = now.AddMinutes(-1);
        var ca = Certificates.SelfSignedAuthority(TrustDomain, notBefore, notBefore.AddYears(10), pathLength: 1);
        var values = new JsonObject { ["global"] = new JsonObject { ["hub"] = config.Hub, ["tag"] = config.Tag }, ["revision"] = "" }.ToJsonString();
        var objects = new List<JsonObject>();
        objects.AddRange(Manifests.Parse($$$"""
            apiVersion: v1
            kind: Namespace
            metadata:
              name: {{{Namespace}}}
              labels:
                kubernetes.io/metadata.name: {{{Namespace}}}
            ---
            apiVersion: v1
            kind: ServiceAccount
            metadata:
              name: istiod
              namespace: {{{Namespace}}}
              labels: {app: istiod, istio.io/rev: default}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: istiod
              namespace: {{{Namespace}}}
              labels: {app: istiod, istio: pilot, istio.io/rev: default}
            spec:
              type: ClusterIP
              selector: {app: istiod, istio: pilot}
              ports:
              - {name: grpc-xds, port: 15010, targetPort: 15010, protocol: TCP}
              - {name: https-dns, port: 15012, targetPort: 15012, protocol: TCP}
              - {name: https-webhook, port: 443, targetPort: 15017, protocol: TCP}
              - {name: http-monitoring, port: 15014, targetPort: 15014, protocol: TCP}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: istiod
              namespace: {{{Namespace}}}
              labels: {app: istiod, istio: pilot, istio.io/rev: default}
            spec:
              replicas: 1
              selector:
                matchLabels: {istio: pilot}
              template:
                metadata:
                  labels: {app: istiod, istio: pilot, istio.io/rev: default, sidecar.istio.io/inject: "false"}
                  annotations: {prometheus.io/scrape: "true", prometheus.io/port: "15014"}
                spec:
                  serviceAccountName: istiod
                  containers:
                  - name: discovery
                    image: {{{config.Hub}}}/pilot:{{{config.Tag}}}
                    args: [discovery, --monitoringAddr=:15014, --log_output_level=default:info, --domain, cluster.local, --keepaliveMaxServerConnectionAge, 30m]
                    ports:
                    - {name: http-debug, containerPort: 8080, protocol: TCP}
                    - {name: grpc-xds, containerPort: 15010, protocol: TCP}
                    - {name: tls-xds, containerPort: 15012, protocol: TCP}
                    - {name: https-webhooks, containerPort: 15017, protocol: TCP}
                    - {name: http-monitoring, containerPort: 15014, protocol: TCP}
                    readinessProbe: {httpGet: {path: /ready, port: 8080}, initialDelaySeconds: 1, periodSeconds: 3}
                    resources: {requests: {cpu: 500m, memory: 2Gi}}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: istio-sidecar-injector
              namespace: {{{Namespace}}}
              labels: {istio.io/rev: default}
            data:
              values: '{{{values}}}'
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: {{{IstioInstallation.WebhookConfigurationName}}}
              labels: {app: sidecar-injector, istio.io/rev: default}
            webhooks:
            - name: namespace.sidecar-injector.istio.io
              clientConfig:
                service: {name: istiod, namespace: {{{Namespace}}}, path: /inject, port: 443}
              admissionReviewVersions: [v1]
              sideEffects: None
              failurePolicy: Fail
              namespaceSelector:
                matchExpressions:
                - {key: istio-injection, operator: In, values: [enabled]}
              rules:
              - operations: [CREATE]
                apiGroups: [""]
                apiVersions: [v1]
                resources: [pods]
            """));
        objects.Add(new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Secret",
            ["metadata"] = new JsonObject { ["name"] = "istio-ca-secret", ["namespace"] = Namespace },
            ["type"] = "istio.io/ca-root",
            ["data"] = new JsonObject
            {
                ["ca-cert.pem"] = Manifests.Base64(ca.CertificatePem),
                ["ca-key.pem"] = Manifests.Base64(ca.PrivateKeyPem),
                ["cert-chain.pem"] = "",
                ["key.pem"] = "",
                ["root-cert.pem"] = "",
            },
        });
        return objects;
    }
}
