using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.Tests.FieldManagement;

internal static class Json
{
    // The apiserver writes \" inside FieldsV1 keys; the default encoder would write \u0022.
    private static readonly JsonSerializerOptions GoLike = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static string Compact(JsonNode? node) => node?.ToJsonString(GoLike) ?? "null";

    public static JsonNode? At(JsonNode? node, params object[] path)
    {
        foreach (var step in path)
        {
            node = step switch
            {
                string name => node?[name],
                int index => node?[index],
                _ => throw new ArgumentException("path steps are names or indexes", nameof(path)),
            };
        }
        return node;
    }

    public static JsonObject? Entry(JsonObject obj, string manager, string operation = "Apply") =>
        obj["metadata"]?["managedFields"]?.AsArray()
            .OfType<JsonObject>()
            .FirstOrDefault(e => (string?)e["manager"] == manager && (string?)e["operation"] == operation);

    public static string FieldsOf(JsonObject obj, string manager, string operation = "Apply") =>
        Compact(Entry(obj, manager, operation)?["fieldsV1"]);
}
