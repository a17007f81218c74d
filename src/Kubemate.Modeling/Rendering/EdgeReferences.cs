using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model.Edge;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Renderers.CertManager;
using Kubemate.Renderers.Traefik;

namespace Kubemate.Modeling.Rendering;

/// <summary>
/// References of an edge set to objects outside it: those declared in <see cref="EdgeSettings"/> and those kept
/// verbatim. The edge model resolves references only among its own objects, so these are added to the set as
/// stand-ins (labelled <see cref="StandInLabel"/>) while it is validated and rendered, and left out of the output.
/// </summary>
internal static class EdgeReferences
{
    public const string StandInLabel = "kubemate.io/reference-stand-in";

    private enum Target
    {
        Secret,
        Middleware,
        TlsPolicy,
        Service,
    }

    /// <summary>The references that name nothing in the set, among the verbatim objects or in the settings, as settings that would resolve them.</summary>
    public static EdgeSettings Unresolved(EdgeConfiguration configuration, EdgeSettings settings, IReadOnlyList<JsonObject> verbatim)
    {
        var known = Known(configuration, settings, verbatim);
        var missing = References(configuration).Where(r => !known.Contains(r)).Distinct().ToList();
        IReadOnlyList<string> Of(Target target) => [.. missing.Where(r => r.Target == target).Select(r => EdgeSettings.Format(r.Name))];
        return new EdgeSettings
        {
            ExistingSecrets = Of(Target.Secret),
            ExistingMiddlewares = Of(Target.Middleware),
            ExistingTlsPolicies = Of(Target.TlsPolicy),
            ExistingServices = Of(Target.Service),
        };
    }

    /// <summary>The set with stand-ins for the objects the settings declare and the verbatim objects references may name.</summary>
    public static EdgeConfiguration WithStandIns(EdgeConfiguration configuration, EdgeSettings settings, IReadOnlyList<JsonObject> verbatim)
    {
        var defaultNamespace = configuration.DefaultNamespace;
        var outside = Outside(settings, verbatim, defaultNamespace);
        var middlewares = configuration.Middlewares.Select(m => Identity(m.Metadata, defaultNamespace)).ToHashSet();
        var policies = configuration.TlsPolicies.Select(p => Identity(p.Metadata, defaultNamespace)).ToHashSet();
        var services = configuration.Services.Select(s => Identity(s.Metadata, defaultNamespace))
            .Concat(configuration.Canaries.Select(c => Identity(c.Metadata, defaultNamespace))).ToHashSet();
        return configuration with
        {
            Middlewares = [.. configuration.Middlewares, .. Names(outside, Target.Middleware).Where(n => !middlewares.Contains(n)).Select(n => new Middleware
            {
                Metadata = StandInMeta(n),
                Spec = new OtherMiddleware { Kind = "standIn" },
            })],
            TlsPolicies = [.. configuration.TlsPolicies, .. Names(outside, Target.TlsPolicy).Where(n => !policies.Contains(n)).Select(n => new TlsPolicy { Metadata = StandInMeta(n) })],
            Services = [.. configuration.Services, .. Names(outside, Target.Service).Where(n => !services.Contains(n)).Select(n => new EdgeService
            {
                Metadata = StandInMeta(n),
                UnknownFields = new JsonObject { ["spec"] = new JsonObject() },
            })],
            ExistingSecrets = [.. configuration.ExistingSecrets, .. Names(outside, Target.Secret)],
        };
    }

    public static bool IsStandIn(JsonObject obj) => obj["metadata"]?["labels"]?[StandInLabel] is not null;

    private static EdgeObjectMeta StandInMeta(NamespacedName name) => new()
    {
        Name = name.Name,
        Namespace = name.Namespace,
        Labels = new Dictionary<string, string> { [StandInLabel] = "true" },
    };

    private static IEnumerable<NamespacedName> Names(IEnumerable<(Target Target, NamespacedName Name)> references, Target target) =>
        references.Where(r => r.Target == target).Select(r => r.Name).Distinct();

    private static HashSet<(Target Target, NamespacedName Name)> Known(EdgeConfiguration configuration, EdgeSettings settings, IReadOnlyList<JsonObject> verbatim)
    {
        var defaultNamespace = configuration.DefaultNamespace;
        var known = Outside(settings, verbatim, defaultNamespace).ToHashSet();
        known.UnionWith(configuration.Middlewares.Select(m => (Target.Middleware, Identity(m.Metadata, defaultNamespace))));
        known.UnionWith(configuration.TlsPolicies.Select(p => (Target.TlsPolicy, Identity(p.Metadata, defaultNamespace))));
        known.UnionWith(configuration.Services.Select(s => (Target.Service, Identity(s.Metadata, defaultNamespace))));
        known.UnionWith(configuration.Canaries.Select(c => (Target.Service, Identity(c.Metadata, defaultNamespace))));
        known.UnionWith(configuration.ExistingSecrets.Select(s => (Target.Secret, s)));
        known.UnionWith(configuration.Certificates.Select(c => (Target.Secret, new NamespacedName(c.Metadata.NamespaceOr(defaultNamespace), c.SecretName))));
        known.UnionWith(configuration.IngressRoutes
            .Where(r => r.Tls is { Issuer: not null, SecretName: not null })
            .Select(r => (Target.Secret, new NamespacedName(r.Metadata.NamespaceOr(defaultNamespace), r.Tls!.SecretName!))));
        return known;
    }

    /// <summary>Objects outside the modelled set: declared in the settings, or kept verbatim.</summary>
    private static IEnumerable<(Target Target, NamespacedName Name)> Outside(EdgeSettings settings, IReadOnlyList<JsonObject> verbatim, string defaultNamespace)
    {
        foreach (var name in EdgeSettings.Parse(settings.ExistingSecrets))
        {
            yield return (Target.Secret, name);
        }
        foreach (var name in EdgeSettings.Parse(settings.ExistingMiddlewares))
        {
            yield return (Target.Middleware, name);
        }
        foreach (var name in EdgeSettings.Parse(settings.ExistingTlsPolicies))
        {
            yield return (Target.TlsPolicy, name);
        }
        foreach (var name in EdgeSettings.Parse(settings.ExistingServices))
        {
            yield return (Target.Service, name);
        }
        foreach (var obj in verbatim)
        {
            var apiVersion = Text(obj["apiVersion"]);
            var kind = Text(obj["kind"]);
            var name = Text(obj["metadata"]?["name"]);
            var ns = Text(obj["metadata"]?["namespace"]) ?? defaultNamespace;
            if (name is null)
            {
                continue;
            }
            (Target Target, NamespacedName Name)? found = (apiVersion, kind) switch
            {
                ("v1", "Secret") => (Target.Secret, new(ns, name)),
                (CertManagerApi.ApiVersion, CertManagerApi.CertificateKind) when Text(obj["spec"]?["secretName"]) is { } secret => (Target.Secret, new(ns, secret)),
                (TraefikApi.ApiVersion, TraefikApi.MiddlewareKind) => (Target.Middleware, new(ns, name)),
                (TraefikApi.ApiVersion, TraefikApi.TlsOptionKind) => (Target.TlsPolicy, new(ns, name)),
                (TraefikApi.ApiVersion, TraefikApi.TraefikServiceKind) => (Target.Service, new(ns, name)),
                _ => null,
            };
            if (found is { } reference)
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<(Target Target, NamespacedName Name)> References(EdgeConfiguration configuration)
    {
        var defaultNamespace = configuration.DefaultNamespace;
        foreach (var route in configuration.IngressRoutes)
        {
            var ns = route.Metadata.NamespaceOr(defaultNamespace);
            foreach (var rule in route.Routes ?? [])
            {
                foreach (var reference in MiddlewareRefs(rule.Middlewares, ns))
                {
                    yield return reference;
                }
                foreach (var reference in ServiceRefs(rule.Services, ns))
                {
                    yield return reference;
                }
            }
            if (route.Tls is { SecretName: { } secret, Issuer: null })
            {
                yield return (Target.Secret, new(ns, secret));
            }
            if (route.Tls?.Options is { } options)
            {
                yield return (Target.TlsPolicy, new(options.Namespace ?? ns, options.Name));
            }
        }
        foreach (var middleware in configuration.Middlewares)
        {
            var ns = middleware.Metadata.NamespaceOr(defaultNamespace);
            switch (middleware.Spec)
            {
                case ChainMiddleware chain:
                    foreach (var reference in MiddlewareRefs(chain.Middlewares, ns))
                    {
                        yield return reference;
                    }
                    break;
                case BasicAuthMiddleware { Secret: { } secret }:
                    yield return (Target.Secret, new(ns, secret));
                    break;
            }
        }
        foreach (var service in configuration.Services)
        {
            foreach (var reference in ServiceRefs(service.WeightedBackends, service.Metadata.NamespaceOr(defaultNamespace)))
            {
                yield return reference;
            }
        }
    }

    private static IEnumerable<(Target Target, NamespacedName Name)> MiddlewareRefs(IReadOnlyList<MiddlewareRef>? references, string ns) =>
        (references ?? []).Where(r => !r.IsFromOtherProvider).Select(r => (Target.Middleware, new NamespacedName(r.Namespace ?? ns, r.Name)));

    private static IEnumerable<(Target Target, NamespacedName Name)> ServiceRefs(IReadOnlyList<RouteBackend>? backends, string ns) =>
        (backends ?? []).Where(b => b.IsEdgeService && !b.Name.Contains('@', StringComparison.Ordinal)).Select(b => (Target.Service, new NamespacedName(b.Namespace ?? ns, b.Name)));

    private static NamespacedName Identity(EdgeObjectMeta metadata, string defaultNamespace) => new(metadata.NamespaceOr(defaultNamespace), metadata.Name);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
