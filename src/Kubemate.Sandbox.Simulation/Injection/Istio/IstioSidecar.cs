using System.Text.Json;
using System.Text.Json.Nodes;
using static Kubemate.Sandbox.Simulation.Injection.PodJson;

namespace Kubemate.Sandbox.Simulation.Injection.Istio;

/// <summary>The values one pod's Istio sidecar is rendered from: config plus the pod's sidecar annotations.</summary>
internal sealed record IstioSidecarSettings(
    IstioInjectorConfig Config,
    string ProxyImage,
    string LogLevel,
    string ComponentLogLevel,
    string InterceptionMode,
    string IncludeOutboundIPRanges,
    string ExcludeOutboundIPRanges,
    string IncludeInboundPorts,
    string ExcludeInboundPorts,
    string ExcludeOutboundPorts,
    string CpuRequest,
    string MemoryRequest,
    string CpuLimit,
    string MemoryLimit);

/// <summary>The containers and volumes istiod's injection template adds.</summary>
internal static class IstioSidecar
{
    public static readonly string[] VolumeNames =
        ["workload-socket", "credential-socket", "workload-certs", "istio-envoy", "istio-data", "istio-podinfo", "istio-token", "istiod-ca-cert"];

    public static JsonObject Init(IstioSidecarSettings settings)
    {
        var args = new List<string>
        {
            "istio-iptables", "-p", "15001", "-z", "15006", "-u", "1337", "-m", settings.InterceptionMode,
            "-i", settings.IncludeOutboundIPRanges, "-x", settings.ExcludeOutboundIPRanges, "-b", settings.IncludeInboundPorts,
            "-d", $"15090,{settings.Config.StatusPort},15020" + (settings.ExcludeInboundPorts.Length > 0 ? "," + settings.ExcludeInboundPorts : ""),
        };
        if (settings.ExcludeOutboundPorts.Length > 0)
        {
            args.AddRange(["-o", settings.ExcludeOutboundPorts]);
        }
        args.Add("--log_output_level=default:info");
        return new JsonObject
        {
            ["args"] = Strings(args),
            ["image"] = settings.ProxyImage,
            ["imagePullPolicy"] = settings.Config.ImagePullPolicy,
            ["name"] = IstioNames.InitContainer,
            ["resources"] = Resources(settings),
            ["securityContext"] = new JsonObject
            {
                ["allowPrivilegeEscalation"] = false,
                ["capabilities"] = new JsonObject { ["add"] = Strings(["NET_ADMIN", "NET_RAW"]), ["drop"] = Strings(["ALL"]) },
                ["privileged"] = false,
                ["readOnlyRootFilesystem"] = false,
                ["runAsGroup"] = 0,
                ["runAsNonRoot"] = false,
                ["runAsUser"] = 0,
            },
        };
    }

    public static JsonObject Proxy(IstioSidecarSettings settings, JsonObject spec, PodOwner? owner, string workloadName, string namespaceName)
    {
        var config = settings.Config;
        var statusProbe = new JsonObject { ["path"] = "/healthz/ready", ["port"] = config.StatusPort };
        return new JsonObject
        {
            ["args"] = Strings(
            [
                "proxy", "sidecar", "--domain", $"$(POD_NAMESPACE).svc.{config.ClusterDomain}",
                $"--proxyLogLevel={settings.LogLevel}", $"--proxyComponentLogLevel={settings.ComponentLogLevel}", "--log_output_level=default:info",
            ]),
            ["env"] = Environment(settings, spec, owner, workloadName, namespaceName),
            ["image"] = settings.ProxyImage,
            ["imagePullPolicy"] = config.ImagePullPolicy,
            ["name"] = IstioNames.ProxyContainer,
            ["ports"] = new JsonArray
            {
                new JsonObject { ["containerPort"] = 15090, ["name"] = "http-envoy-prom", ["protocol"] = "TCP" },
                new JsonObject { ["containerPort"] = config.StatusPort, ["name"] = "status-port", ["protocol"] = "TCP" },
            },
            ["readinessProbe"] = new JsonObject
            {
                ["failureThreshold"] = 4,
                ["httpGet"] = statusProbe,
                ["periodSeconds"] = 15,
                ["timeoutSeconds"] = 3,
            },
            ["resources"] = Resources(settings),
            ["securityContext"] = new JsonObject
            {
                ["allowPrivilegeEscalation"] = false,
                ["capabilities"] = new JsonObject { ["drop"] = Strings(["ALL"]) },
                ["privileged"] = false,
                ["readOnlyRootFilesystem"] = true,
                ["runAsGroup"] = 1337,
                ["runAsNonRoot"] = true,
                ["runAsUser"] = 1337,
            },
            ["startupProbe"] = new JsonObject
            {
                ["failureThreshold"] = 600,
                ["httpGet"] = statusProbe.DeepClone(),
                ["periodSeconds"] = 1,
                ["timeoutSeconds"] = 3,
            },
            ["volumeMounts"] = new JsonArray
            {
                Mount("workload-socket", "/var/run/secrets/workload-spiffe-uds"),
                Mount("credential-socket", "/var/run/secrets/credential-uds"),
                Mount("workload-certs", "/var/run/secrets/workload-spiffe-credentials"),
                Mount("istiod-ca-cert", "/var/run/secrets/istio"),
                Mount("istio-data", "/var/lib/istio/data"),
                Mount("istio-envoy", "/etc/istio/proxy"),
                Mount("istio-token", "/var/run/secrets/tokens"),
                Mount("istio-podinfo", "/etc/istio/pod"),
            },
        };
    }

    public static IEnumerable<JsonObject> Volumes() =>
    [
        new JsonObject { ["emptyDir"] = new JsonObject(), ["name"] = "workload-socket" },
        new JsonObject { ["emptyDir"] = new JsonObject(), ["name"] = "credential-socket" },
        new JsonObject { ["emptyDir"] = new JsonObject(), ["name"] = "workload-certs" },
        new JsonObject { ["emptyDir"] = new JsonObject { ["medium"] = "Memory" }, ["name"] = "istio-envoy" },
        new JsonObject { ["emptyDir"] = new JsonObject(), ["name"] = "istio-data" },
        new JsonObject
        {
            ["downwardAPI"] = new JsonObject
            {
                ["items"] = new JsonArray
                {
                    new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.labels" }, ["path"] = "labels" },
                    new JsonObject { ["fieldRef"] = new JsonObject { ["fieldPath"] = "metadata.annotations" }, ["path"] = "annotations" },
                },
            },
            ["name"] = "istio-podinfo",
        },
        new JsonObject
        {
            ["name"] = "istio-token",
            ["projected"] = new JsonObject
            {
                ["sources"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["serviceAccountToken"] = new JsonObject { ["audience"] = "istio-ca", ["expirationSeconds"] = 43200, ["path"] = "istio-token" },
                    },
                },
            },
        },
        new JsonObject { ["configMap"] = new JsonObject { ["name"] = "istio-ca-root-cert" }, ["name"] = "istiod-ca-cert" },
    ];

    private static JsonArray Environment(IstioSidecarSettings settings, JsonObject spec, PodOwner? owner, string workloadName, string namespaceName)
    {
        var config = settings.Config;
        var appContainers = Containers(spec).Select(c => String(c, "name")).OfType<string>().ToList();
        var podPorts = new JsonArray(Containers(spec)
            .SelectMany(c => Array(c, "ports")?.OfType<JsonObject>() ?? [])
            .Select(p => (JsonNode)p.DeepClone())
            .ToArray());
        var env = new JsonArray
        {
            Env("PILOT_CERT_PROVIDER", "istiod"),
            Env("CA_ADDR", config.CaAddress),
            FieldRef("POD_NAME", "metadata.name"),
            FieldRef("POD_NAMESPACE", "metadata.namespace"),
            FieldRef("INSTANCE_IP", "status.podIP"),
            FieldRef("SERVICE_ACCOUNT", "spec.serviceAccountName"),
            FieldRef("HOST_IP", "status.hostIP"),
            Resource("ISTIO_CPU_LIMIT", "limits.cpu"),
            Env("PROXY_CONFIG", "{}\n"),
            Env("ISTIO_META_POD_PORTS", podPorts.ToJsonString(new JsonSerializerOptions { WriteIndented = false })),
            Env("ISTIO_META_APP_CONTAINERS", string.Join(",", appContainers)),
            Resource("GOMEMLIMIT", "limits.memory"),
            Resource("GOMAXPROCS", "limits.cpu"),
            Env("ISTIO_META_CLUSTER_ID", config.ClusterId),
            FieldRef("ISTIO_META_NODE_NAME", "spec.nodeName"),
            Env("ISTIO_META_INTERCEPTION_MODE", settings.InterceptionMode),
            Env("ISTIO_META_WORKLOAD_NAME", workloadName),
        };
        if (owner is not null && owner.ApiVersion.Length > 0)
        {
            env.Add(Env("ISTIO_META_OWNER", $"kubernetes://apis/{owner.ApiVersion}/namespaces/{namespaceName}/{owner.Kind.ToLowerInvariant()}s/{owner.Name}"));
        }
        env.Add(Env("ISTIO_META_MESH_ID", config.MeshId));
        env.Add(Env("TRUST_DOMAIN", config.TrustDomain));
        return env;
    }

    private static JsonObject Resources(IstioSidecarSettings settings) => new()
    {
        ["limits"] = new JsonObject { ["cpu"] = settings.CpuLimit, ["memory"] = settings.MemoryLimit },
        ["requests"] = new JsonObject { ["cpu"] = settings.CpuRequest, ["memory"] = settings.MemoryRequest },
    };

    private static JsonObject Resource(string name, string resource) => new()
    {
        ["name"] = name,
        ["valueFrom"] = new JsonObject { ["resourceFieldRef"] = new JsonObject { ["divisor"] = "0", ["resource"] = resource } },
    };

    private static JsonObject Mount(string name, string path) => new() { ["mountPath"] = path, ["name"] = name };
}
