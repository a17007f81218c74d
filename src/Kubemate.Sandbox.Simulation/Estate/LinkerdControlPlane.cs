using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Admission;
using Kubemate.Sandbox.Simulation.Injection.Linkerd;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>
/// The Linkerd control plane of the demo estate in namespace <c>linkerd</c>, shaped like <c>linkerd install</c>'s
/// output: identity, destination and proxy-injector Deployments (with their own proxies, as the install renders
/// them), their Services and ServiceAccounts, the webhook configurations, <c>linkerd-config</c>, and the identity
/// trust anchor and issuer as real certificates.
/// </summary>
public static class LinkerdControlPlane
{
    public const string Namespace = "linkerd";
    public const string Version = "edge-26.8.3";
    public const string TrustDomain = "cluster.local";

    public static IReadOnlyList<JsonObject> Objects(LinkerdIdentity identity, DateTimeOffset now)
    {
        var webhookNotBefore = now.AddMinutes(-1);
        var objects = new List<JsonObject>();
        objects.AddRange(Manifests.Parse(NamespaceAndAccounts));
        objects.Add(ConfigMap(LinkerdInstallation.ConfigMapName, "values", Values(identity)));
        objects.Add(ConfigMap(LinkerdInstallation.TrustRootsConfigMapName, LinkerdInstallation.TrustBundleKey, identity.TrustAnchor.CertificatePem));
        objects.Add(Manifests.TlsSecret(Namespace, "linkerd-identity-issuer", identity.Issuer, identity.TrustAnchor.CertificatePem, Labels("identity")));

        var webhookCertificates = new Dictionary<string, PemCertificate>();
        foreach (var (service, secret) in new[] { ("linkerd-proxy-injector", "linkerd-proxy-injector-k8s-tls"), ("linkerd-sp-validator", "linkerd-sp-validator-k8s-tls"), ("linkerd-policy-validator", "linkerd-policy-validator-k8s-tls") })
        {
            var certificate = Certificates.SelfSignedServer([$"{service}.{Namespace}.svc"], webhookNotBefore, webhookNotBefore.AddYears(1));
            webhookCertificates[service] = certificate;
            objects.Add(Manifests.TlsSecret(Namespace, secret, certificate));
        }
        objects.AddRange(Manifests.Parse(Services));
        var proxyConfig = LinkerdInstallation.Build(Namespace, objects.First(o => o.Name() == LinkerdInstallation.ConfigMapName).GetString("data", "values"), identity.TrustAnchor.CertificatePem);
        foreach (var deployment in Manifests.Parse(Deployments))
        {
            WithProxy(deployment, proxyConfig);
            objects.Add(deployment);
        }
        objects.AddRange(Webhooks(webhookCertificates));
        return objects;
    }

    /// <summary>The chart values the proxy-injector renders sidecars from (a subset of the real ones).</summary>
    private static string Values(LinkerdIdentity identity)
    {
        var values = new JsonObject
        {
            ["clusterDomain"] = TrustDomain,
            ["clusterNetworks"] = "10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,fd00::/8",
            ["cniEnabled"] = false,
            ["controllerImage"] = "cr.l5d.io/linkerd/controller",
            ["controllerReplicas"] = 1,
            ["identity"] = new JsonObject
            {
                ["issuer"] = new JsonObject { ["scheme"] = "kubernetes.io/tls", ["issuanceLifetime"] = "24h0m0s", ["clockSkewAllowance"] = "20s" },
            },
            ["identityTrustAnchorsPEM"] = identity.TrustAnchor.CertificatePem,
            ["identityTrustDomain"] = TrustDomain,
            ["imagePullPolicy"] = "IfNotPresent",
            ["linkerdVersion"] = Version,
            ["policyController"] = new JsonObject { ["image"] = new JsonObject { ["name"] = "cr.l5d.io/linkerd/policy-controller" } },
            ["proxy"] = new JsonObject
            {
                ["await"] = true,
                ["defaultInboundPolicy"] = "all-unauthenticated",
                ["image"] = new JsonObject { ["name"] = "cr.l5d.io/linkerd/proxy", ["version"] = "" },
                ["logLevel"] = "warn,linkerd=info,hickory=error",
                ["nativeSidecar"] = false,
                ["opaquePorts"] = "25,587,3306,4444,5432,6379,9300,11211",
            },
        };
        return YamlJson.Serialize(values);
    }

    /// <summary>
    /// Adds the proxy the way <c>linkerd install</c> renders it into the control plane's own pods. The webhook never
    /// sees these pods (its object selector skips control-plane components), so the proxy is part of the template.
    /// </summary>
    private static void WithProxy(JsonObject deployment, LinkerdInjectorConfig config)
    {
        var template = deployment.At("spec", "template") as JsonObject ?? throw new InvalidOperationException("control-plane deployment without template");
        var labels = template.Metadata().Obj("labels");
        var component = labels[LinkerdNames.ControlPlaneComponentLabel]!.GetValue<string>();
        var pod = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Pod",
            ["metadata"] = new JsonObject
            {
                ["namespace"] = Namespace,
                ["labels"] = new JsonObject(labels.Where(l => l.Key != LinkerdNames.ControlPlaneComponentLabel).Select(l => KeyValuePair.Create(l.Key, l.Value?.DeepClone()))),
                ["annotations"] = new JsonObject { [LinkerdNames.InjectAnnotation] = LinkerdNames.InjectEnabled },
            },
            ["spec"] = template["spec"]!.DeepClone(),
        };
        var outcome = LinkerdInjector.Inject(pod, null, config);
        if (!outcome.Injected)
        {
            throw new InvalidOperationException($"the control-plane proxy could not be rendered for {deployment.Name()}: {outcome.Reason}");
        }
        var injectedLabels = outcome.Pod.At("metadata", "labels")!.DeepClone().AsObject();
        injectedLabels[LinkerdNames.ControlPlaneComponentLabel] = component;
        injectedLabels["linkerd.io/proxy-deployment"] = deployment.Name();
        var annotations = outcome.Pod.At("metadata", "annotations")!.DeepClone().AsObject();
        annotations.Remove(LinkerdNames.InjectAnnotation);
        template["metadata"] = new JsonObject { ["labels"] = injectedLabels, ["annotations"] = annotations };
        template["spec"] = outcome.Pod["spec"]!.DeepClone();
    }

    private static JsonObject ConfigMap(string name, string key, string value) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject
        {
            ["name"] = name,
            ["namespace"] = Namespace,
            ["labels"] = new JsonObject { [LinkerdNames.ControlPlaneComponentLabel] = "controller", [LinkerdNames.ControlPlaneNsLabel] = Namespace },
        },
        ["data"] = new JsonObject { [key] = value },
    };

    private static Dictionary<string, string> Labels(string component) => new()
    {
        [LinkerdNames.ControlPlaneComponentLabel] = component,
        [LinkerdNames.ControlPlaneNsLabel] = Namespace,
    };

    private static IEnumerable<JsonObject> Webhooks(Dictionary<string, PemCertificate> certificates)
    {
        string Bundle(string service) => Manifests.Base64(certificates[service].CertificatePem);
        return Manifests.Parse($$"""
            apiVersion: admissionregistration.k8s.io/v1
            kind: MutatingWebhookConfiguration
            metadata:
              name: {{LinkerdInstallation.WebhookConfigurationName}}
              labels: {linkerd.io/control-plane-component: proxy-injector, linkerd.io/control-plane-ns: linkerd}
            webhooks:
            - name: linkerd-proxy-injector.linkerd.io
              namespaceSelector:
                matchExpressions:
                - {key: config.linkerd.io/admission-webhooks, operator: NotIn, values: [disabled]}
                - {key: kubernetes.io/metadata.name, operator: NotIn, values: [kube-system, cert-manager]}
              objectSelector:
                matchExpressions:
                - {key: linkerd.io/control-plane-component, operator: DoesNotExist}
                - {key: linkerd.io/cni-resource, operator: DoesNotExist}
              clientConfig:
                service: {name: linkerd-proxy-injector, namespace: linkerd, path: "/"}
                caBundle: {{Bundle("linkerd-proxy-injector")}}
              failurePolicy: Ignore
              admissionReviewVersions: [v1, v1beta1]
              reinvocationPolicy: IfNeeded
              rules:
              - operations: [CREATE]
                apiGroups: [""]
                apiVersions: [v1]
                resources: [pods, services]
                scope: Namespaced
              sideEffects: None
              timeoutSeconds: 10
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: linkerd-sp-validator-webhook-config
              labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
            webhooks:
            - name: linkerd-sp-validator.linkerd.io
              namespaceSelector:
                matchExpressions:
                - {key: config.linkerd.io/admission-webhooks, operator: NotIn, values: [disabled]}
              clientConfig:
                service: {name: linkerd-sp-validator, namespace: linkerd, path: "/"}
                caBundle: {{Bundle("linkerd-sp-validator")}}
              failurePolicy: Fail
              admissionReviewVersions: [v1, v1beta1]
              rules:
              - operations: [CREATE, UPDATE]
                apiGroups: [linkerd.io]
                apiVersions: [v1alpha1, v1alpha2]
                resources: [serviceprofiles]
              sideEffects: None
            ---
            apiVersion: admissionregistration.k8s.io/v1
            kind: ValidatingWebhookConfiguration
            metadata:
              name: linkerd-policy-validator-webhook-config
              labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
            webhooks:
            - name: linkerd-policy-validator.linkerd.io
              namespaceSelector:
                matchExpressions:
                - {key: config.linkerd.io/admission-webhooks, operator: NotIn, values: [disabled]}
              clientConfig:
                service: {name: linkerd-policy-validator, namespace: linkerd, path: "/"}
                caBundle: {{Bundle("linkerd-policy-validator")}}
              failurePolicy: Fail
              admissionReviewVersions: [v1, v1beta1]
              rules:
              - operations: [CREATE, UPDATE]
                apiGroups: [policy.linkerd.io]
                apiVersions: ["*"]
                resources: [authorizationpolicies, httplocalratelimitpolicies, httproutes, networkauthentications, meshtlsauthentications, serverauthorizations, servers, egressnetworks]
              sideEffects: None
            """);
    }

    private const string NamespaceAndAccounts = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: linkerd
          labels:
            kubernetes.io/metadata.name: linkerd
            linkerd.io/is-control-plane: "true"
            config.linkerd.io/admission-webhooks: disabled
            linkerd.io/control-plane-ns: linkerd
            pod-security.kubernetes.io/enforce: privileged
          annotations:
            linkerd.io/inject: disabled
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: linkerd-identity
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: identity, linkerd.io/control-plane-ns: linkerd}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: linkerd-destination
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: linkerd-proxy-injector
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: proxy-injector, linkerd.io/control-plane-ns: linkerd}
        """;

    private const string Services = """
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-identity
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: identity, linkerd.io/control-plane-ns: linkerd}
        spec:
          type: ClusterIP
          selector: {linkerd.io/control-plane-component: identity}
          ports:
          - {name: grpc, port: 8080, targetPort: 8080}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-identity-headless
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: identity, linkerd.io/control-plane-ns: linkerd}
        spec:
          clusterIP: None
          selector: {linkerd.io/control-plane-component: identity}
          ports:
          - {name: grpc, port: 8080, targetPort: 8080}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-dst
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
        spec:
          type: ClusterIP
          selector: {linkerd.io/control-plane-component: destination}
          ports:
          - {name: grpc, port: 8086, targetPort: 8086}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-dst-headless
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
        spec:
          clusterIP: None
          selector: {linkerd.io/control-plane-component: destination}
          ports:
          - {name: grpc, port: 8086, targetPort: 8086}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-sp-validator
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
        spec:
          type: ClusterIP
          selector: {linkerd.io/control-plane-component: destination}
          ports:
          - {name: sp-validator, port: 443, targetPort: sp-validator}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-policy
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
        spec:
          clusterIP: None
          selector: {linkerd.io/control-plane-component: destination}
          ports:
          - {name: grpc, port: 8090, targetPort: 8090}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-policy-validator
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd}
        spec:
          type: ClusterIP
          selector: {linkerd.io/control-plane-component: destination}
          ports:
          - {name: policy-https, port: 443, targetPort: policy-https}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: linkerd-proxy-injector
          namespace: linkerd
          labels: {linkerd.io/control-plane-component: proxy-injector, linkerd.io/control-plane-ns: linkerd}
        spec:
          type: ClusterIP
          selector: {linkerd.io/control-plane-component: proxy-injector}
          ports:
          - {name: proxy-injector, port: 443, targetPort: proxy-injector}
        """;

    private const string Deployments = $$$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: linkerd-identity
          namespace: linkerd
          labels:
            app.kubernetes.io/name: identity
            app.kubernetes.io/part-of: Linkerd
            app.kubernetes.io/version: {{{Version}}}
            linkerd.io/control-plane-component: identity
            linkerd.io/control-plane-ns: linkerd
        spec:
          replicas: 1
          selector:
            matchLabels: {linkerd.io/control-plane-component: identity, linkerd.io/control-plane-ns: linkerd, linkerd.io/proxy-deployment: linkerd-identity}
          template:
            metadata:
              labels: {linkerd.io/control-plane-component: identity, linkerd.io/control-plane-ns: linkerd, linkerd.io/proxy-deployment: linkerd-identity}
            spec:
              serviceAccountName: linkerd-identity
              nodeSelector: {kubernetes.io/os: linux}
              containers:
              - name: identity
                image: cr.l5d.io/linkerd/controller:{{{Version}}}
                args: [identity, -log-level=info, -log-format=plain, -controller-namespace=linkerd, -identity-trust-domain={{{TrustDomain}}}, -identity-issuance-lifetime=24h0m0s, -identity-clock-skew-allowance=20s, -identity-scheme=kubernetes.io/tls, -enable-pprof=false]
                ports:
                - {name: grpc, containerPort: 8080}
                - {name: admin-http, containerPort: 9990}
                livenessProbe: {httpGet: {path: /ping, port: 9990}, initialDelaySeconds: 10}
                readinessProbe: {httpGet: {path: /ready, port: 9990}, failureThreshold: 7}
                resources: {requests: {cpu: 100m, memory: 50Mi}, limits: {memory: 250Mi}}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 2103, runAsGroup: 65534, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
                volumeMounts:
                - {name: identity-issuer, mountPath: /var/run/linkerd/identity/issuer}
                - {name: trust-roots, mountPath: /var/run/linkerd/identity/trust-roots/}
              volumes:
              - name: identity-issuer
                secret: {secretName: linkerd-identity-issuer}
              - name: trust-roots
                configMap: {name: linkerd-identity-trust-roots}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: linkerd-destination
          namespace: linkerd
          labels:
            app.kubernetes.io/name: destination
            app.kubernetes.io/part-of: Linkerd
            app.kubernetes.io/version: {{{Version}}}
            linkerd.io/control-plane-component: destination
            linkerd.io/control-plane-ns: linkerd
        spec:
          replicas: 1
          selector:
            matchLabels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd, linkerd.io/proxy-deployment: linkerd-destination}
          template:
            metadata:
              labels: {linkerd.io/control-plane-component: destination, linkerd.io/control-plane-ns: linkerd, linkerd.io/proxy-deployment: linkerd-destination}
            spec:
              serviceAccountName: linkerd-destination
              nodeSelector: {kubernetes.io/os: linux}
              containers:
              - name: destination
                image: cr.l5d.io/linkerd/controller:{{{Version}}}
                args: [destination, -addr=:8086, -controller-namespace=linkerd, -enable-h2-upgrade=true, -log-level=info, -log-format=plain, -enable-endpoint-slices=true, -cluster-domain=cluster.local, -identity-trust-domain={{{TrustDomain}}}, "-default-opaque-ports=25,587,3306,4444,5432,6379,9300,11211", -enable-pprof=false]
                ports:
                - {name: grpc, containerPort: 8086}
                - {name: admin-http, containerPort: 9996}
                livenessProbe: {httpGet: {path: /ping, port: 9996}, initialDelaySeconds: 10}
                readinessProbe: {httpGet: {path: /ready, port: 9996}, failureThreshold: 7}
                resources: {requests: {cpu: 100m, memory: 50Mi}, limits: {memory: 250Mi}}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 2103, runAsGroup: 65534, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
              - name: sp-validator
                image: cr.l5d.io/linkerd/controller:{{{Version}}}
                args: [sp-validator, -log-level=info, -log-format=plain, -enable-pprof=false]
                ports:
                - {name: sp-validator, containerPort: 8443}
                - {name: admin-http, containerPort: 9997}
                livenessProbe: {httpGet: {path: /ping, port: 9997}, initialDelaySeconds: 10}
                readinessProbe: {httpGet: {path: /ready, port: 9997}, failureThreshold: 7}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 2103, runAsGroup: 65534, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
                volumeMounts:
                - {name: sp-tls, mountPath: /var/run/linkerd/tls, readOnly: true}
              - name: policy
                image: cr.l5d.io/linkerd/policy-controller:{{{Version}}}
                args: [--admin-addr=0.0.0.0:9990, --control-plane-namespace=linkerd, --grpc-addr=0.0.0.0:8090, --server-addr=0.0.0.0:9443, --server-tls-key=/var/run/linkerd/tls/tls.key, --server-tls-certs=/var/run/linkerd/tls/tls.crt, "--cluster-networks=10.0.0.0/8,100.64.0.0/10,172.16.0.0/12,192.168.0.0/16,fd00::/8", --identity-domain={{{TrustDomain}}}, --cluster-domain=cluster.local, --default-policy=all-unauthenticated, --log-level=info, --log-format=plain, "--default-opaque-ports=25,587,3306,4444,5432,6379,9300,11211", --global-egress-network-namespace=linkerd-egress]
                ports:
                - {name: grpc, containerPort: 8090}
                - {name: admin-http, containerPort: 9990}
                - {name: policy-https, containerPort: 9443}
                livenessProbe: {httpGet: {path: /live, port: admin-http}}
                readinessProbe: {httpGet: {path: /ready, port: admin-http}, failureThreshold: 7}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 2103, runAsGroup: 65534, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
                volumeMounts:
                - {name: policy-tls, mountPath: /var/run/linkerd/tls, readOnly: true}
              volumes:
              - name: sp-tls
                secret: {secretName: linkerd-sp-validator-k8s-tls}
              - name: policy-tls
                secret: {secretName: linkerd-policy-validator-k8s-tls}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: linkerd-proxy-injector
          namespace: linkerd
          labels:
            app.kubernetes.io/name: proxy-injector
            app.kubernetes.io/part-of: Linkerd
            app.kubernetes.io/version: {{{Version}}}
            linkerd.io/control-plane-component: proxy-injector
            linkerd.io/control-plane-ns: linkerd
        spec:
          replicas: 1
          selector:
            matchLabels: {linkerd.io/control-plane-component: proxy-injector, linkerd.io/control-plane-ns: linkerd, linkerd.io/proxy-deployment: linkerd-proxy-injector}
          template:
            metadata:
              labels: {linkerd.io/control-plane-component: proxy-injector, linkerd.io/control-plane-ns: linkerd, linkerd.io/proxy-deployment: linkerd-proxy-injector}
            spec:
              serviceAccountName: linkerd-proxy-injector
              nodeSelector: {kubernetes.io/os: linux}
              containers:
              - name: proxy-injector
                image: cr.l5d.io/linkerd/controller:{{{Version}}}
                args: [proxy-injector, -log-level=info, -log-format=plain, -linkerd-namespace=linkerd, -enable-pprof=false]
                ports:
                - {name: proxy-injector, containerPort: 8443}
                - {name: admin-http, containerPort: 9995}
                livenessProbe: {httpGet: {path: /ping, port: 9995}, initialDelaySeconds: 10}
                readinessProbe: {httpGet: {path: /ready, port: 9995}, failureThreshold: 7}
                resources: {requests: {cpu: 100m, memory: 50Mi}, limits: {memory: 250Mi}}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 2103, runAsGroup: 65534, capabilities: {drop: [ALL]}, seccompProfile: {type: RuntimeDefault}}
                volumeMounts:
                - {name: config, mountPath: /var/run/linkerd/config}
                - {name: trust-roots, mountPath: /var/run/linkerd/identity/trust-roots}
                - {name: tls, mountPath: /var/run/linkerd/tls, readOnly: true}
              volumes:
              - name: config
                configMap: {name: linkerd-config}
              - name: trust-roots
                configMap: {name: linkerd-identity-trust-roots}
              - name: tls
                secret: {secretName: linkerd-proxy-injector-k8s-tls}
        """;
}
