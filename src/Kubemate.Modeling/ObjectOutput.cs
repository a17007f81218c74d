using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Modeling;

/// <summary>Rendered objects as kubectl prints them: YAML documents, or JSON (one object, or a <c>v1</c> List of several).</summary>
public static class ObjectOutput
{
    public static readonly IReadOnlyList<string> Formats = ["yaml", "json"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Format(IReadOnlyList<JsonObject> objects, string format) => format switch
    {
        "json" => (objects.Count == 1
            ? objects[0]
            : new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "List",
                ["items"] = new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]),
            }).ToJsonString(Indented) + "\n",
        _ => YamlJson.SerializeDocuments(objects),
    };
}
