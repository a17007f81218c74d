using System.Text.Json.Nodes;
using Kubemate.Sandbox.Json;
using Kubemate.Schema;

namespace Kubemate.Sandbox.Resources;

/// <summary>Turns a stored (already validated) CustomResourceDefinition into the resources it serves.</summary>
public static class CrdResourceTypes
{
    public static IReadOnlyList<ResourceType> From(JsonObject crd)
    {
        var name = crd.GetString("metadata", "name") ?? "";
        var spec = crd["spec"] as JsonObject;
        if (spec is null || spec["names"] is not JsonObject names)
        {
            return [];
        }
        var group = spec.GetString("group") ?? "";
        var kind = names.GetString("kind") ?? "";
        var plural = names.GetString("plural") ?? "";
        var namespaced = spec.GetString("scope") != "Cluster";
        var types = new List<ResourceType>();
        foreach (var version in (spec["versions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (version["served"]?.GetValue<bool>() != true)
            {
                continue;
            }
            var schemaNode = version["schema"]?["openAPIV3Schema"];
            var subresources = new List<string>();
            if (version["subresources"]?["status"] is not null)
            {
                subresources.Add("status");
            }
            var scale = version["subresources"]?["scale"] as JsonObject;
            if (scale is not null)
            {
                subresources.Add("scale");
            }
            var schema = schemaNode is null ? null : StructuralSchema.Parse(schemaNode);
            types.Add(new ResourceType
            {
                Group = group,
                Version = version.GetString("name") ?? "",
                Plural = plural,
                Kind = kind,
                Namespaced = namespaced,
                Singular = names.GetString("singular") ?? kind.ToLowerInvariant(),
                ShortNames = Strings(names["shortNames"]),
                Categories = Strings(names["categories"]),
                Subresources = subresources,
                Shape = schema?.ToTypeShape() ?? ApiMachinery.Structure.TypeShape.Unknown,
                Custom = new CustomResourceInfo(
                    name,
                    names.GetString("listKind") ?? kind + "List",
                    schema,
                    schemaNode as JsonObject,
                    scale.GetString("specReplicasPath"),
                    scale.GetString("statusReplicasPath"),
                    scale.GetString("labelSelectorPath"),
                    PrinterColumns(version["additionalPrinterColumns"]),
                    version["storage"]?.GetValue<bool>() == true),
            });
        }
        return types;
    }

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(n => n?.GetValue<string>() ?? "").Where(s => s.Length > 0).ToList() : [];

    private static IReadOnlyList<PrinterColumn> PrinterColumns(JsonNode? node) =>
        node is JsonArray array
            ? array.OfType<JsonObject>().Select(c => new PrinterColumn(
                c.GetString("name") ?? "",
                c.GetString("type") ?? "string",
                c.GetString("jsonPath") ?? "",
                c.GetString("format"),
                c.GetString("description"),
                c["priority"]?.GetValue<int>() ?? 0)).ToList()
            : [];
}
