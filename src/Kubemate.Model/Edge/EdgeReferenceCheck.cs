using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model.Edge.Ingress;
using Kubemate.Model.Edge.Middlewares;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge;

/// <summary>Checks that the references of an <see cref="EdgeConfiguration"/> resolve inside it, and that names and routes are not repeated.</summary>
internal sealed class EdgeReferenceCheck(EdgeConfiguration configuration, string path)
{
    private readonly string defaultNamespace = configuration.DefaultNamespace;

    public IEnumerable<ValidationProblem> Problems()
    {
        var middlewares = configuration.Middlewares.Select(m => Identity(m.Metadata)).ToHashSet();
        var secrets = KnownSecrets();
        var tlsPolicies = configuration.TlsPolicies.Select(t => Identity(t.Metadata)).ToHashSet();
        var services = configuration.Services.Select(s => Identity(s.Metadata))
            .Concat(configuration.Canaries.Select(c => Identity(c.Metadata))).ToHashSet();

        var problems = new List<ValidationProblem>();
        problems.AddRange(DuplicateNames("ingressRoutes", configuration.IngressRoutes.Select(r => r.Metadata)));
        problems.AddRange(DuplicateNames("middlewares", configuration.Middlewares.Select(m => m.Metadata)));
        problems.AddRange(DuplicateNames("tlsPolicies", configuration.TlsPolicies.Select(t => t.Metadata)));
        problems.AddRange(DuplicateNames("services", configuration.Services.Select(s => s.Metadata).Concat(configuration.Canaries.Select(c => c.Metadata))));
        problems.AddRange(DuplicateNames("certificates", configuration.Certificates.Select(c => c.Metadata)));

        for (var i = 0; i < configuration.IngressRoutes.Count; i++)
        {
            var route = configuration.IngressRoutes[i];
            var routePath = FieldPath.Index(FieldPath.Child(path, "ingressRoutes"), i);
            var ns = route.Metadata.NamespaceOr(defaultNamespace);
            var rules = route.Routes ?? [];
            for (var r = 0; r < rules.Count; r++)
            {
                var rulePath = FieldPath.Index(FieldPath.Child(routePath, "routes"), r);
                problems.AddRange(MiddlewareRefs(FieldPath.Child(rulePath, "middlewares"), rules[r].Middlewares, ns, middlewares));
                problems.AddRange(EdgeServiceRefs(FieldPath.Child(rulePath, "services"), rules[r].Services, ns, services));
            }
            if (route.Tls?.SecretName is { } secret && route.Tls.Issuer is null && !secrets.Contains(new(ns, secret)))
            {
                problems.Add(new(FieldPath.Child(FieldPath.Child(routePath, "tls"), "secretName"), $"secret {ns}/{secret} is not in the set: add it, a certificate that writes it, or an issuer on the route"));
            }
            if (route.Tls?.Options is { } options && !tlsPolicies.Contains(new(options.Namespace ?? ns, options.Name)))
            {
                problems.Add(new(FieldPath.Child(FieldPath.Child(routePath, "tls"), "options"), $"TLS policy {options.Namespace ?? ns}/{options.Name} is not in the set"));
            }
        }
        for (var i = 0; i < configuration.Middlewares.Count; i++)
        {
            var middleware = configuration.Middlewares[i];
            var specPath = FieldPath.Child(FieldPath.Index(FieldPath.Child(path, "middlewares"), i), "spec");
            var ns = middleware.Metadata.NamespaceOr(defaultNamespace);
            switch (middleware.Spec)
            {
                case ChainMiddleware chain:
                    problems.AddRange(MiddlewareRefs(FieldPath.Child(specPath, "middlewares"), chain.Middlewares, ns, middlewares));
                    break;
                case BasicAuthMiddleware { Secret: { } secret } when !secrets.Contains(new(ns, secret)):
                    problems.Add(new(FieldPath.Child(specPath, "secret"), $"secret {ns}/{secret} is not in the set"));
                    break;
            }
        }
        for (var i = 0; i < configuration.Services.Count; i++)
        {
            var service = configuration.Services[i];
            var backendsPath = FieldPath.Child(FieldPath.Index(FieldPath.Child(path, "services"), i), "weightedBackends");
            problems.AddRange(EdgeServiceRefs(backendsPath, service.WeightedBackends, service.Metadata.NamespaceOr(defaultNamespace), services));
        }
        problems.AddRange(OverlappingRoutes());
        return problems;
    }

    private NamespacedName Identity(EdgeObjectMeta metadata) => new(metadata.NamespaceOr(defaultNamespace), metadata.Name);

    private HashSet<NamespacedName> KnownSecrets()
    {
        var secrets = configuration.ExistingSecrets.ToHashSet();
        secrets.UnionWith(configuration.Certificates.Select(c => new NamespacedName(c.Metadata.NamespaceOr(defaultNamespace), c.SecretName)));
        foreach (var obj in configuration.Passthrough)
        {
            var kind = Text(obj["kind"]);
            var ns = Text(obj["metadata"]?["namespace"]) ?? defaultNamespace;
            if (kind == "Secret" && Text(obj["metadata"]?["name"]) is { } name)
            {
                secrets.Add(new(ns, name));
            }
            else if (kind == "Certificate" && Text(obj["spec"]?["secretName"]) is { } written)
            {
                secrets.Add(new(ns, written));
            }
        }
        return secrets;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static IEnumerable<ValidationProblem> MiddlewareRefs(string listPath, IReadOnlyList<MiddlewareRef>? refs, string ns, HashSet<NamespacedName> known)
    {
        for (var i = 0; i < (refs?.Count ?? 0); i++)
        {
            var reference = refs![i];
            if (!reference.IsFromOtherProvider && !known.Contains(new(reference.Namespace ?? ns, reference.Name)))
            {
                yield return new(FieldPath.Index(listPath, i), $"middleware {reference.Namespace ?? ns}/{reference.Name} is not in the set");
            }
        }
    }

    private static IEnumerable<ValidationProblem> EdgeServiceRefs(string listPath, IReadOnlyList<RouteBackend>? backends, string ns, HashSet<NamespacedName> known)
    {
        for (var i = 0; i < (backends?.Count ?? 0); i++)
        {
            var backend = backends![i];
            if (backend.IsEdgeService && !backend.Name.Contains('@', StringComparison.Ordinal) && !known.Contains(new(backend.Namespace ?? ns, backend.Name)))
            {
                yield return new(FieldPath.Index(listPath, i), $"edge service {backend.Namespace ?? ns}/{backend.Name} is not in the set");
            }
        }
    }

    private IEnumerable<ValidationProblem> DuplicateNames(string listName, IEnumerable<EdgeObjectMeta> metadata)
    {
        var seen = new HashSet<NamespacedName>();
        var index = 0;
        foreach (var meta in metadata)
        {
            if (!seen.Add(Identity(meta)))
            {
                yield return new(FieldPath.Child(FieldPath.Index(FieldPath.Child(path, listName), index), "metadata"), $"duplicate name {Identity(meta)}");
            }
            index++;
        }
    }

    /// <summary>Two routes in different ingress routes that take the same requests on a shared entry point.</summary>
    private IEnumerable<ValidationProblem> OverlappingRoutes()
    {
        var seen = new List<(IReadOnlyList<string> EntryPoints, string Key, string Where)>();
        for (var i = 0; i < configuration.IngressRoutes.Count; i++)
        {
            var route = configuration.IngressRoutes[i];
            var entryPoints = route.EntryPoints ?? [];
            var rules = route.Routes ?? [];
            for (var r = 0; r < rules.Count; r++)
            {
                if (rules[r].Match is not { } match)
                {
                    continue;
                }
                var key = match.Signature() + "#" + rules[r].Priority;
                var where = FieldPath.Index(FieldPath.Child(FieldPath.Index(FieldPath.Child(path, "ingressRoutes"), i), "routes"), r);
                var clash = seen.FirstOrDefault(s => s.Key == key && !s.Where.StartsWith(FieldPath.Index(FieldPath.Child(path, "ingressRoutes"), i) + ".", StringComparison.Ordinal) && SharesEntryPoint(s.EntryPoints, entryPoints));
                if (clash.Where is not null)
                {
                    yield return new(FieldPath.Child(where, "match"), $"duplicate route: {clash.Where} takes the same hosts and paths on the same entry point");
                }
                seen.Add((entryPoints, key, where));
            }
        }
    }

    private static bool SharesEntryPoint(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == 0 || b.Count == 0 || a.Intersect(b, StringComparer.Ordinal).Any();
}
