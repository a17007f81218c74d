using System.Globalization;
using System.Text.Json.Nodes;
using static Kubemate.Sandbox.Simulation.Injection.PodJson;

namespace Kubemate.Sandbox.Simulation.Injection.Linkerd;

/// <summary>The <c>linkerd-proxy</c> container's environment, in the order the proxy-injector writes it.</summary>
internal static class LinkerdProxyEnvironment
{
    public static JsonArray Build(LinkerdProxySettings settings)
    {
        var config = settings.Config;
        var ns = config.LinkerdNamespace;
        var domain = config.ClusterDomain;
        var trustDomain = config.EffectiveTrustDomain;
        var listenHost = config.DisableIPv6 ? "0.0.0.0" : "[::]";
        var env = new JsonArray
        {
            FieldRef("_pod_name", "metadata.name"),
            FieldRef("_pod_ns", "metadata.namespace"),
            FieldRef("_pod_uid", "metadata.uid"),
            FieldRef("_pod_ip", "status.podIP"),
            FieldRef("_pod_nodeName", "spec.nodeName"),
            Env("_pod_containerName", LinkerdNames.ProxyContainer),
        };

        var cores = settings.CoresFromCpuLimit;
        env.Add(Env("LINKERD2_PROXY_CORES", Number(cores ?? config.MinimumWorkers)));
        env.Add(Env("LINKERD2_PROXY_CORES_MIN", Number(config.MinimumWorkers)));
        if (cores is not null)
        {
            env.Add(Env("LINKERD2_PROXY_CORES_MAX", Number(cores.Value)));
        }
        if (settings.RequireIdentityOnInboundPorts.Length > 0)
        {
            env.Add(Env("LINKERD2_PROXY_INBOUND_PORTS_REQUIRE_IDENTITY", settings.RequireIdentityOnInboundPorts));
        }

        var logLevel = config.LogHttpHeaders == "insecure" ? settings.LogLevel : settings.LogLevel + ",[{headers}]=off,[{request}]=off";
        env.Add(Env("LINKERD2_PROXY_SHUTDOWN_ENDPOINT_ENABLED", config.EnableShutdownEndpoint ? "true" : "false"));
        env.Add(Env("LINKERD2_PROXY_LOG", logLevel));
        env.Add(Env("LINKERD2_PROXY_LOG_FORMAT", settings.LogFormat));
        env.Add(Env("LINKERD2_PROXY_DESTINATION_SVC_ADDR", $"linkerd-dst-headless.{ns}.svc.{domain}.:8086"));
        env.Add(Env("LINKERD2_PROXY_DESTINATION_PROFILE_NETWORKS", config.ClusterNetworks));
        env.Add(Env("LINKERD2_PROXY_POLICY_SVC_ADDR", $"linkerd-policy.{ns}.svc.{domain}.:8090"));
        env.Add(Env("LINKERD2_PROXY_POLICY_WORKLOAD", "{\"ns\":\"$(_pod_ns)\", \"pod\":\"$(_pod_name)\"}\n"));
        env.Add(Env("LINKERD2_PROXY_INBOUND_DEFAULT_POLICY", settings.DefaultInboundPolicy));
        env.Add(Env("LINKERD2_PROXY_POLICY_CLUSTER_NETWORKS", config.ClusterNetworks));
        env.Add(Env("LINKERD2_PROXY_CONTROL_STREAM_INITIAL_TIMEOUT", "3s"));
        env.Add(Env("LINKERD2_PROXY_CONTROL_STREAM_IDLE_TIMEOUT", "5m"));
        env.Add(Env("LINKERD2_PROXY_CONTROL_STREAM_LIFETIME", "1h"));
        AddIfSet(env, "LINKERD2_PROXY_INBOUND_CONNECT_TIMEOUT", settings.InboundConnectTimeout);
        AddIfSet(env, "LINKERD2_PROXY_OUTBOUND_CONNECT_TIMEOUT", settings.OutboundConnectTimeout);
        AddIfSet(env, "LINKERD2_PROXY_OUTBOUND_DISCOVERY_IDLE_TIMEOUT", settings.OutboundDiscoveryCacheUnusedTimeout);
        AddIfSet(env, "LINKERD2_PROXY_INBOUND_DISCOVERY_IDLE_TIMEOUT", settings.InboundDiscoveryCacheUnusedTimeout);
        if (settings.DisableOutboundProtocolDetectTimeout)
        {
            env.Add(Env("LINKERD2_PROXY_OUTBOUND_DETECT_TIMEOUT", "365d"));
        }
        if (settings.DisableInboundProtocolDetectTimeout)
        {
            env.Add(Env("LINKERD2_PROXY_INBOUND_DETECT_TIMEOUT", "365d"));
        }

        var outboundAddrs = $"127.0.0.1:{settings.OutboundPort}" + (config.DisableIPv6 ? "" : $",[::1]:{settings.OutboundPort}");
        env.Add(Env("LINKERD2_PROXY_CONTROL_LISTEN_ADDR", $"{listenHost}:{settings.ControlPort}"));
        env.Add(Env("LINKERD2_PROXY_ADMIN_LISTEN_ADDR", $"{listenHost}:{settings.AdminPort}"));
        env.Add(Env("LINKERD2_PROXY_OUTBOUND_LISTEN_ADDR", $"127.0.0.1:{settings.OutboundPort}"));
        env.Add(Env("LINKERD2_PROXY_OUTBOUND_LISTEN_ADDRS", outboundAddrs));
        env.Add(Env("LINKERD2_PROXY_INBOUND_LISTEN_ADDR", $"{listenHost}:{settings.InboundPort}"));
        env.Add(FieldRef("LINKERD2_PROXY_INBOUND_IPS", "status.podIPs"));
        env.Add(Env("LINKERD2_PROXY_INBOUND_PORTS", settings.PodInboundPorts));
        if (settings.IsGateway)
        {
            env.Add(Env("LINKERD2_PROXY_INBOUND_GATEWAY_SUFFIXES", $"svc.{domain}."));
        }
        if (settings.IsIngress)
        {
            env.Add(Env("LINKERD2_PROXY_INGRESS_MODE", "true"));
        }
        env.Add(Env("LINKERD2_PROXY_DESTINATION_PROFILE_SUFFIXES", settings.EnableExternalProfiles ? "." : $"svc.{domain}."));
        env.Add(Env("LINKERD2_PROXY_INBOUND_ACCEPT_KEEPALIVE", "10000ms"));
        env.Add(Env("LINKERD2_PROXY_OUTBOUND_CONNECT_KEEPALIVE", "10000ms"));
        env.Add(Env("LINKERD2_PROXY_INBOUND_ACCEPT_USER_TIMEOUT", "30s"));
        env.Add(Env("LINKERD2_PROXY_OUTBOUND_CONNECT_USER_TIMEOUT", "30s"));
        env.Add(Env("LINKERD2_PROXY_OUTBOUND_METRICS_HOSTNAME_LABELS", "false"));
        env.Add(Env("LINKERD2_PROXY_INBOUND_SERVER_HTTP2_KEEP_ALIVE_INTERVAL", "10s"));
        env.Add(Env("LINKERD2_PROXY_INBOUND_SERVER_HTTP2_KEEP_ALIVE_TIMEOUT", "3s"));
        env.Add(Env("LINKERD2_PROXY_OUTBOUND_SERVER_HTTP2_KEEP_ALIVE_INTERVAL", "10s"));
        env.Add(Env("LINKERD2_PROXY_OUTBOUND_SERVER_HTTP2_KEEP_ALIVE_TIMEOUT", "3s"));
        AddIfSet(env, "LINKERD2_PROXY_INBOUND_PORTS_DISABLE_PROTOCOL_DETECTION", settings.OpaquePorts);
        env.Add(Env("LINKERD2_PROXY_DESTINATION_CONTEXT", "{\"ns\":\"$(_pod_ns)\", \"nodeName\":\"$(_pod_nodeName)\", \"pod\":\"$(_pod_name)\"}\n"));

        env.Add(FieldRef("_pod_sa", "spec.serviceAccountName"));
        env.Add(Env("_l5d_ns", ns));
        env.Add(Env("_l5d_trustdomain", trustDomain));
        env.Add(Env("LINKERD2_PROXY_IDENTITY_DIR", "/var/run/linkerd/identity/end-entity"));
        env.Add(Env("LINKERD2_PROXY_IDENTITY_TRUST_ANCHORS", TrustAnchors.Normalize(config.EffectiveTrustAnchorsPem)));
        env.Add(Env("LINKERD2_PROXY_IDENTITY_TOKEN_FILE", config.ServiceAccountTokenProjection
            ? "/var/run/secrets/tokens/linkerd-identity-token"
            : "/var/run/secrets/kubernetes.io/serviceaccount/token"));
        env.Add(Env("LINKERD2_PROXY_IDENTITY_SVC_ADDR", $"linkerd-identity-headless.{ns}.svc.{domain}.:8080"));
        env.Add(Env("LINKERD2_PROXY_IDENTITY_LOCAL_NAME", $"$(_pod_sa).$(_pod_ns).serviceaccount.identity.{ns}.{trustDomain}"));
        env.Add(Env("LINKERD2_PROXY_IDENTITY_SVC_NAME", $"linkerd-identity.{ns}.serviceaccount.identity.{ns}.{trustDomain}"));
        env.Add(Env("LINKERD2_PROXY_DESTINATION_SVC_NAME", $"linkerd-destination.{ns}.serviceaccount.identity.{ns}.{trustDomain}"));
        env.Add(Env("LINKERD2_PROXY_POLICY_SVC_NAME", $"linkerd-destination.{ns}.serviceaccount.identity.{ns}.{trustDomain}"));
        AddIfSet(env, "LINKERD2_PROXY_ACCESS_LOG", settings.AccessLog);
        AddIfSet(env, "LINKERD2_PROXY_SHUTDOWN_GRACE_PERIOD", settings.ShutdownGracePeriod);
        return env;
    }

    private static void AddIfSet(JsonArray env, string name, string value)
    {
        if (value.Length > 0)
        {
            env.Add(Env(name, value));
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
