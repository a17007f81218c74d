using System.Text.Json.Nodes;
using Kubemate.Sandbox.Resources;

namespace Kubemate.Sandbox.Discovery;

/// <summary>
/// The OpenAPI v3 documents kubectl reads. They list each resource's operations with the query parameters the
/// server supports (so kubectl uses server-side field validation and dry-run) and, for custom resources, the
/// CRD schema. Built-in kinds carry no schema components: kubectl then uses its compiled-in patch strategies,
/// which match the server's.
/// </summary>
public sealed class OpenApiDocuments(ResourceRegistry registry)
{
    private static readonly string[] WriteParameters = ["dryRun", "fieldManager", "fieldValidation", "pretty"];

    public JsonObject V3Root()
    {
        var paths = new JsonObject();
        foreach (var groupVersion in registry.All.Select(r => (r.Group, r.Version)).Distinct())
        {
            var key = groupVersion.Group.Length == 0 ? $"api/{groupVersion.Version}" : $"apis/{groupVersion.Group}/{groupVersion.Version}";
            paths[key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{key}?hash=G{registry.Generation}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    public JsonObject? V3(ResourceRegistry current, string group, string version)
    {
        var types = current.All.Where(t => t.Group == group && t.Version == version).ToList();
        if (types.Count == 0)
        {
            return null;
        }
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var type in types)
        {
            var prefix = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
            var collection = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
            paths[collection] = new JsonObject
            {
                ["post"] = Operation(type, "post"),
                ["get"] = Operation(type, "list"),
            };
            if (!type.IsVirtual)
            {
                paths[collection + "/{name}"] = new JsonObject
                {
                    ["get"] = Operation(type, "get"),
                    ["put"] = Operation(type, "put"),
                    ["patch"] = Operation(type, "patch"),
                    ["delete"] = Operation(type, "delete"),
                };
            }
            if (type.Custom?.Schema is not null && type.Custom.RawSchema is { } raw)
            {
                var schema = (JsonObject)raw.DeepClone();
                schema["x-kubernetes-group-version-kind"] = new JsonArray(Gvk(type));
                schemas[$"{ReverseDomain(group)}.{version}.{type.Kind}"] = schema;
            }
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes (Kubemate sandbox)", ["version"] = DiscoveryDocuments.KubernetesVersion },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
    }

    private static JsonObject Operation(ResourceType type, string action)
    {
        var parameters = new JsonArray();
        if (action is "post" or "put" or "patch")
        {
            foreach (var name in WriteParameters)
            {
                parameters.Add(new JsonObject { ["name"] = name, ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } });
            }
        }
        if (action == "patch")
        {
            parameters.Add(new JsonObject { ["name"] = "force", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "boolean" } });
        }
        return new JsonObject
        {
            ["operationId"] = $"{action}{type.Kind}",
            ["parameters"] = parameters,
            ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
            ["x-kubernetes-action"] = action,
            ["x-kubernetes-group-version-kind"] = Gvk(type),
        };
    }

    private static JsonObject Gvk(ResourceType type) => new()
    {
        ["group"] = type.Group,
        ["version"] = type.Version,
        ["kind"] = type.Kind,
    };

    private static string ReverseDomain(string group) =>
        group.Length == 0 ? "io.k8s.api.core" : string.Join('.', group.Split('.').Reverse());
}
