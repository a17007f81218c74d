using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;
using Kubemate.Sandbox.Json;
using Kubemate.Sandbox.Simulation.Injection.Linkerd;
using Kubemate.Sandbox.Storage;

namespace Kubemate.Sandbox.Simulation.Admission;

/// <summary>
/// Reads the Linkerd control plane installed in the sandbox, as its proxy-injector knows it: installed when the
/// <c>linkerd-proxy-injector-webhook-config</c> MutatingWebhookConfiguration exists; versions and proxy settings from
/// the <c>values</c> of the <c>linkerd-config</c> ConfigMap; trust anchors from the <c>linkerd-identity-trust-roots</c>
/// ConfigMap (<c>ca-bundle.crt</c>), else from the values' <c>identityTrustAnchorsPEM</c>.
/// </summary>
public sealed class LinkerdInstallation
{
    public const string WebhookConfigurationName = "linkerd-proxy-injector-webhook-config";
    public const string ConfigMapName = "linkerd-config";
    public const string TrustRootsConfigMapName = "linkerd-identity-trust-roots";
    public const string TrustBundleKey = "ca-bundle.crt";
    private const string WebhookResource = "admissionregistration.k8s.io/mutatingwebhookconfigurations";

    private readonly Lock _cacheLock = new();
    private (string Key, LinkerdInjectorConfig Config)? _cached;

    /// <summary>The injector settings of the installed control plane, or null when Linkerd is not installed.</summary>
    public LinkerdInjectorConfig? Read(ObjectStore store)
    {
        var webhook = store.Get(new ObjectKey(WebhookResource, "", WebhookConfigurationName));
        if (webhook is null)
        {
            return null;
        }
        var ns = (webhook.Object.At("webhooks") as JsonArray ?? []).FirstOrDefault().GetString("clientConfig", "service", "namespace") ?? "linkerd";
        var config = store.Get(new ObjectKey("/configmaps", ns, ConfigMapName));
        var roots = store.Get(new ObjectKey("/configmaps", ns, TrustRootsConfigMapName));
        var cacheKey = $"{webhook.ResourceVersion}/{ns}/{config?.ResourceVersion}/{roots?.ResourceVersion}";
        lock (_cacheLock)
        {
            if (_cached is { } cached && cached.Key == cacheKey)
            {
                return cached.Config;
            }
        }
        var result = Build(ns, config?.Object.GetString("data", "values"), roots?.Object.GetString("data", TrustBundleKey));
        lock (_cacheLock)
        {
            _cached = (cacheKey, result);
        }
        return result;
    }

    /// <summary>The injector settings from the chart values text and the trust bundle (either may be missing).</summary>
    public static LinkerdInjectorConfig Build(string linkerdNamespace, string? valuesYaml, string? trustBundle)
    {
        var values = string.IsNullOrWhiteSpace(valuesYaml) ? null : YamlJson.Parse(valuesYaml) as JsonObject;
        var defaults = new LinkerdInjectorConfig();
        var version = values.GetString("linkerdVersion") ?? defaults.ControlPlaneVersion;
        var anchors = string.IsNullOrWhiteSpace(trustBundle) ? values.GetString("identityTrustAnchorsPEM") : trustBundle;
        return defaults with
        {
            LinkerdNamespace = linkerdNamespace,
            ControlPlaneVersion = version,
            ClusterDomain = values.GetString("clusterDomain") ?? defaults.ClusterDomain,
            IdentityTrustDomain = values.GetString("identityTrustDomain"),
            TrustAnchorsPem = string.IsNullOrWhiteSpace(anchors) ? null : anchors,
            ProxyImage = values.GetString("proxy", "image", "name") ?? defaults.ProxyImage,
            ProxyVersion = NonEmpty(values.GetString("proxy", "image", "version")) ?? version,
            NativeSidecar = values.GetBool("proxy", "nativeSidecar") ?? defaults.NativeSidecar,
            Await = values.GetBool("proxy", "await") ?? defaults.Await,
            CniEnabled = values.GetBool("cniEnabled") ?? defaults.CniEnabled,
            ClusterNetworks = values.GetString("clusterNetworks") ?? defaults.ClusterNetworks,
            ImagePullPolicy = values.GetString("imagePullPolicy") ?? defaults.ImagePullPolicy,
            LogLevel = values.GetString("proxy", "logLevel") ?? defaults.LogLevel,
            DefaultInboundPolicy = values.GetString("proxy", "defaultInboundPolicy") ?? defaults.DefaultInboundPolicy,
            OpaquePorts = values.GetString("proxy", "opaquePorts") ?? defaults.OpaquePorts,
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
