using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>
/// Traefik as the estate's edge gateway in namespace <c>traefik</c>: three replicas behind a LoadBalancer Service,
/// its ServiceAccount and cluster RBAC, the default IngressClass, and IngressRoutes publishing the frontend on
/// <c>bank.example.com</c> (HTTPS with a self-signed certificate; HTTP redirected to HTTPS).
/// </summary>
public static class TraefikGateway
{
    public const string Namespace = "traefik";
    public const string Version = "v3.7.9";
    public const string Host = "bank.example.com";

    /// <summary>Objects that need only the built-in kinds.</summary>
    public static IReadOnlyList<JsonObject> Objects() => Manifests.Parse(Gateway);

    /// <summary>The routes and middlewares (Traefik's CRDs must be served) and the frontend's TLS secret.</summary>
    public static IReadOnlyList<JsonObject> Routes(DateTimeOffset now)
    {
        var certificate = Certificates.SelfSignedServer([Host], now.AddMinutes(-1), now.AddDays(90));
        var objects = new List<JsonObject> { Manifests.TlsSecret("web", "bank-example-com-tls", certificate) };
        objects.AddRange(Manifests.Parse(FrontendRoutes));
        return objects;
    }

    private const string Gateway = $$$"""
        apiVersion: v1
        kind: Namespace
        metadata:
          name: traefik
          labels: {kubernetes.io/metadata.name: traefik, app.kubernetes.io/part-of: traefik}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: traefik
          namespace: traefik
          labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata:
          name: traefik-traefik
          labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
        rules:
        - apiGroups: [""]
          resources: [configmaps, nodes, services]
          verbs: [get, list, watch]
        - apiGroups: [discovery.k8s.io]
          resources: [endpointslices]
          verbs: [list, watch]
        - apiGroups: [""]
          resources: [secrets]
          verbs: [get, list, watch]
        - apiGroups: [extensions, networking.k8s.io]
          resources: [ingressclasses, ingresses]
          verbs: [get, list, watch]
        - apiGroups: [extensions, networking.k8s.io]
          resources: [ingresses/status]
          verbs: [update]
        - apiGroups: [traefik.io]
          resources: [ingressroutes, ingressroutetcps, ingressrouteudps, middlewares, middlewaretcps, serverstransports, serverstransporttcps, tlsoptions, tlsstores, traefikservices]
          verbs: [get, list, watch]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata:
          name: traefik-traefik
          labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: traefik-traefik}
        subjects:
        - {kind: ServiceAccount, name: traefik, namespace: traefik}
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: traefik
          labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
          annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
        spec:
          controller: traefik.io/ingress-controller
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: traefik
          namespace: traefik
          labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
        spec:
          type: LoadBalancer
          selector: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
          ports:
          - {name: web, port: 80, targetPort: web, protocol: TCP}
          - {name: websecure, port: 443, targetPort: websecure, protocol: TCP}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: traefik-metrics
          namespace: traefik
          labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik, app.kubernetes.io/component: metrics}
        spec:
          type: ClusterIP
          selector: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
          ports:
          - {name: metrics, port: 9100, targetPort: metrics, protocol: TCP}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: traefik
          namespace: traefik
          labels:
            app.kubernetes.io/name: traefik
            app.kubernetes.io/instance: traefik-traefik
            app.kubernetes.io/version: {{{Version}}}
        spec:
          replicas: 3
          strategy:
            type: RollingUpdate
            rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
          selector:
            matchLabels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
          template:
            metadata:
              labels: {app.kubernetes.io/name: traefik, app.kubernetes.io/instance: traefik-traefik}
              annotations: {prometheus.io/scrape: "true", prometheus.io/path: /metrics, prometheus.io/port: "9100"}
            spec:
              serviceAccountName: traefik
              terminationGracePeriodSeconds: 60
              securityContext: {runAsNonRoot: true, runAsUser: 65532, runAsGroup: 65532}
              containers:
              - name: traefik
                image: docker.io/traefik:{{{Version}}}
                args:
                - --entryPoints.metrics.address=:9100/tcp
                - --entryPoints.traefik.address=:8080/tcp
                - --entryPoints.web.address=:8000/tcp
                - --entryPoints.websecure.address=:8443/tcp
                - --entryPoints.websecure.http.tls=true
                - --api.dashboard=true
                - --ping=true
                - --metrics.prometheus=true
                - --metrics.prometheus.entrypoint=metrics
                - --providers.kubernetescrd
                - --providers.kubernetescrd.allowEmptyServices=true
                - --providers.kubernetesingress
                - --providers.kubernetesingress.allowEmptyServices=true
                - --providers.kubernetesingress.ingressendpoint.publishedservice=traefik/traefik
                - --log.level=INFO
                ports:
                - {name: metrics, containerPort: 9100, protocol: TCP}
                - {name: traefik, containerPort: 8080, protocol: TCP}
                - {name: web, containerPort: 8000, protocol: TCP}
                - {name: websecure, containerPort: 8443, protocol: TCP}
                readinessProbe: {httpGet: {path: /ping, port: 8080}, initialDelaySeconds: 2, periodSeconds: 10, failureThreshold: 1}
                livenessProbe: {httpGet: {path: /ping, port: 8080}, initialDelaySeconds: 2, periodSeconds: 10, failureThreshold: 3}
                resources:
                  requests: {cpu: 250m, memory: 128Mi}
                  limits: {memory: 512Mi}
                securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
                volumeMounts:
                - {name: data, mountPath: /data}
                - {name: tmp, mountPath: /tmp}
              volumes:
              - {name: data, emptyDir: {}}
              - {name: tmp, emptyDir: {}}
        """;

    private const string FrontendRoutes = $$"""
        apiVersion: traefik.io/v1alpha1
        kind: Middleware
        metadata:
          name: redirect-https
          namespace: web
        spec:
          redirectScheme: {scheme: https, permanent: true}
        ---
        apiVersion: traefik.io/v1alpha1
        kind: Middleware
        metadata:
          name: security-headers
          namespace: web
        spec:
          headers:
            stsSeconds: 31536000
            stsIncludeSubdomains: true
            frameDeny: true
            contentTypeNosniff: true
            referrerPolicy: strict-origin-when-cross-origin
        ---
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata:
          name: frontend
          namespace: web
          labels: {app: frontend}
        spec:
          entryPoints: [websecure]
          routes:
          - match: Host(`{{Host}}`)
            kind: Rule
            middlewares:
            - {name: security-headers}
            services:
            - {name: frontend, port: 80}
          tls:
            secretName: bank-example-com-tls
        ---
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata:
          name: frontend-http
          namespace: web
          labels: {app: frontend}
        spec:
          entryPoints: [web]
          routes:
          - match: Host(`{{Host}}`)
            kind: Rule
            middlewares:
            - {name: redirect-https}
            services:
            - {name: frontend, port: 80}
        """;
}
