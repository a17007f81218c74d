using System.Globalization;
using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Simulation.Estate;

/// <summary>One service of the demo bank: a Deployment with its Service and ServiceAccount.</summary>
public sealed record BankService(
    string Namespace,
    string Name,
    string Image,
    string Version,
    int Replicas,
    int ServicePort,
    int ContainerPort,
    string PortName,
    string? AppProtocol = null,
    string? PodVersionLabel = null);

/// <summary>
/// The applications of the demo bank: namespaces web, orders, payments, users (meshed: web, orders, payments) and
/// data (postgres as a StatefulSet, redis), each workload with a Service, a ServiceAccount, probes and resources.
/// </summary>
public static class BankApplications
{
    public const string Registry = "ghcr.io/kubemate-demo";

    /// <summary>The namespaces of the bank and whether the mesh's injection is switched on for them at start.</summary>
    public static IReadOnlyList<(string Name, string Team, bool Meshed)> Namespaces { get; } =
    [
        ("web", "web", true),
        ("orders", "orders", true),
        ("payments", "payments", true),
        ("users", "identity", false),
        ("data", "data", false),
    ];

    public static IReadOnlyList<BankService> Services { get; } =
    [
        new("web", "frontend", $"{Registry}/frontend:1.4.2", "1.4.2", 2, 80, 8080, "http"),
        new("orders", "orders", $"{Registry}/orders:2.3.0", "2.3.0", 2, 8080, 8080, "http", PodVersionLabel: "v1"),
        new("orders", "inventory", $"{Registry}/inventory:1.8.1", "1.8.1", 2, 9090, 9090, "grpc", AppProtocol: "kubernetes.io/h2c"),
        new("payments", "payment", $"{Registry}/payment:3.1.0", "3.1.0", 2, 8080, 8080, "http"),
        new("payments", "fraud-check", $"{Registry}/fraud-check:0.9.4", "0.9.4", 1, 8080, 8080, "http"),
        new("users", "users", $"{Registry}/users:2.0.5", "2.0.5", 2, 8080, 8080, "http"),
        new("users", "notifications", $"{Registry}/notifications:1.2.0", "1.2.0", 1, 8080, 8080, "http"),
    ];

    /// <summary>The bank's objects; the meshed namespaces carry <paramref name="mesh"/>'s injection switch.</summary>
    public static IReadOnlyList<JsonObject> Objects(DemoMesh mesh = DemoMesh.Linkerd)
    {
        var objects = new List<JsonObject>();
        foreach (var (name, team, meshed) in Namespaces)
        {
            objects.AddRange(Manifests.Parse($$"""
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: {{name}}
                  labels:
                    kubernetes.io/metadata.name: {{name}}
                    app.kubernetes.io/part-of: kubemate-bank
                    team: {{team}}
                {{(meshed ? InjectionSwitch(mesh) : "")}}
                """));
        }
        foreach (var service in Services)
        {
            objects.AddRange(Manifests.Parse(ServiceAccountAndService(service)));
            objects.AddRange(Manifests.Parse(Deployment(service)));
        }
        // A stable backend for canary work: the orders pods of version v1 alone (a canary adds orders-v2 beside it).
        objects.AddRange(Manifests.Parse("""
            apiVersion: v1
            kind: Service
            metadata:
              name: orders-v1
              namespace: orders
              labels: {app: orders, version: v1, app.kubernetes.io/part-of: kubemate-bank}
            spec:
              selector: {app: orders, version: v1}
              ports:
              - {name: http, port: 8080, targetPort: http}
            """));
        objects.AddRange(Manifests.Parse(DataTier));
        return objects;
    }

    private static string InjectionSwitch(DemoMesh mesh) => mesh switch
    {
        DemoMesh.Istio => "    istio-injection: enabled",
        _ => "  annotations:\n    linkerd.io/inject: enabled",
    };

    private static string ServiceAccountAndService(BankService s) => $$"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: {{s.Name}}
          namespace: {{s.Namespace}}
          labels: {app: {{s.Name}}, app.kubernetes.io/part-of: kubemate-bank}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: {{s.Name}}
          namespace: {{s.Namespace}}
          labels: {app: {{s.Name}}, app.kubernetes.io/name: {{s.Name}}, app.kubernetes.io/part-of: kubemate-bank}
        spec:
          type: ClusterIP
          selector: {app: {{s.Name}}}
          ports:
          - name: {{s.PortName}}
            port: {{s.ServicePort}}
            targetPort: {{s.PortName}}
            protocol: TCP
        {{(s.AppProtocol is null ? "" : $"    appProtocol: {s.AppProtocol}")}}
        """;

    private static string Deployment(BankService s)
    {
        var versionLabel = s.PodVersionLabel is null ? "" : $"\n        version: {s.PodVersionLabel}";
        var check = s.PortName == "grpc" ? $"grpc: {{port: {s.ContainerPort}}}" : null;
        var readiness = $"{{{check ?? "httpGet: {path: /ready, port: http}"}, initialDelaySeconds: 2, periodSeconds: 5}}";
        var liveness = $"{{{check ?? "httpGet: {path: /healthz, port: http}"}, initialDelaySeconds: 10, periodSeconds: 10}}";
        return $$$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: {{{s.Name}}}
              namespace: {{{s.Namespace}}}
              labels:
                app: {{{s.Name}}}
                app.kubernetes.io/name: {{{s.Name}}}
                app.kubernetes.io/version: "{{{s.Version}}}"
                app.kubernetes.io/part-of: kubemate-bank
              annotations:
                kubernetes.io/change-cause: initial release {{{s.Version}}}
            spec:
              replicas: {{{s.Replicas.ToString(CultureInfo.InvariantCulture)}}}
              selector:
                matchLabels:
                  app: {{{s.Name}}}
              template:
                metadata:
                  labels:
                    app: {{{s.Name}}}
                    app.kubernetes.io/name: {{{s.Name}}}{{{versionLabel}}}
                  annotations:
                    prometheus.io/scrape: "true"
                    prometheus.io/port: "9102"
                spec:
                  serviceAccountName: {{{s.Name}}}
                  securityContext: {runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001, seccompProfile: {type: RuntimeDefault}}
                  containers:
                  - name: {{{s.Name}}}
                    image: {{{s.Image}}}
                    ports:
                    - name: {{{s.PortName}}}
                      containerPort: {{{s.ContainerPort}}}
                    - name: metrics
                      containerPort: 9102
                    env:
                    - name: SERVICE_NAME
                      value: {{{s.Name}}}
                    - name: LISTEN_PORT
                      value: "{{{s.ContainerPort}}}"
                    - name: POD_NAME
                      valueFrom: {fieldRef: {fieldPath: metadata.name}}
                    readinessProbe: {{{readiness}}}
                    livenessProbe: {{{liveness}}}
                    resources:
                      requests: {cpu: 100m, memory: 128Mi}
                      limits: {memory: 256Mi}
                    securityContext: {allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: {drop: [ALL]}}
            """;
    }

    private const string DataTier = """
        apiVersion: v1
        kind: Secret
        metadata:
          name: postgres-credentials
          namespace: data
          labels: {app: postgres, app.kubernetes.io/part-of: kubemate-bank}
        type: Opaque
        data:
          POSTGRES_USER: YmFuaw==
          POSTGRES_PASSWORD: ZGVtby1vbmx5LW5vdC1hLXNlY3JldA==
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: postgres
          namespace: data
          labels: {app: postgres, app.kubernetes.io/part-of: kubemate-bank}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: postgres
          namespace: data
          labels: {app: postgres, app.kubernetes.io/name: postgres, app.kubernetes.io/part-of: kubemate-bank}
        spec:
          type: ClusterIP
          selector: {app: postgres}
          ports:
          - {name: postgres, port: 5432, targetPort: postgres, protocol: TCP}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: postgres-headless
          namespace: data
          labels: {app: postgres, app.kubernetes.io/name: postgres, app.kubernetes.io/part-of: kubemate-bank}
        spec:
          clusterIP: None
          publishNotReadyAddresses: true
          selector: {app: postgres}
          ports:
          - {name: postgres, port: 5432, targetPort: postgres, protocol: TCP}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata:
          name: postgres
          namespace: data
          labels: {app: postgres, app.kubernetes.io/name: postgres, app.kubernetes.io/version: "16.6", app.kubernetes.io/part-of: kubemate-bank}
        spec:
          serviceName: postgres-headless
          replicas: 1
          selector:
            matchLabels: {app: postgres}
          template:
            metadata:
              labels: {app: postgres, app.kubernetes.io/name: postgres}
            spec:
              serviceAccountName: postgres
              securityContext: {runAsNonRoot: true, runAsUser: 999, fsGroup: 999}
              containers:
              - name: postgres
                image: docker.io/library/postgres:16.6
                ports:
                - {name: postgres, containerPort: 5432}
                env:
                - {name: POSTGRES_DB, value: bank}
                - {name: PGDATA, value: /var/lib/postgresql/data/pgdata}
                envFrom:
                - secretRef: {name: postgres-credentials}
                readinessProbe: {exec: {command: [pg_isready, -U, bank]}, initialDelaySeconds: 5, periodSeconds: 10}
                livenessProbe: {tcpSocket: {port: postgres}, initialDelaySeconds: 30, periodSeconds: 10}
                resources:
                  requests: {cpu: 250m, memory: 512Mi}
                  limits: {memory: 1Gi}
                volumeMounts:
                - {name: data, mountPath: /var/lib/postgresql/data}
          volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 10Gi}}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: redis
          namespace: data
          labels: {app: redis, app.kubernetes.io/part-of: kubemate-bank}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: redis
          namespace: data
          labels: {app: redis, app.kubernetes.io/name: redis, app.kubernetes.io/part-of: kubemate-bank}
        spec:
          type: ClusterIP
          selector: {app: redis}
          ports:
          - {name: redis, port: 6379, targetPort: redis, protocol: TCP}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: redis
          namespace: data
          labels: {app: redis, app.kubernetes.io/name: redis, app.kubernetes.io/version: "7.4.2", app.kubernetes.io/part-of: kubemate-bank}
        spec:
          replicas: 1
          strategy: {type: Recreate}
          selector:
            matchLabels: {app: redis}
          template:
            metadata:
              labels: {app: redis, app.kubernetes.io/name: redis}
            spec:
              serviceAccountName: redis
              containers:
              - name: redis
                image: docker.io/library/redis:7.4.2
                args: [--save, "", --appendonly, "no", --maxmemory, 200mb, --maxmemory-policy, allkeys-lru]
                ports:
                - {name: redis, containerPort: 6379}
                readinessProbe: {exec: {command: [redis-cli, ping]}, periodSeconds: 5}
                livenessProbe: {tcpSocket: {port: redis}, initialDelaySeconds: 15, periodSeconds: 10}
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                  limits: {memory: 256Mi}
        """;
}
