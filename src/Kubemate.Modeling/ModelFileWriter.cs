using System.Text.Json.Nodes;
using Kubemate.ApiMachinery.Yaml;

namespace Kubemate.Modeling;

/// <summary>Writes models as a model file: one <c>{kind, spec}</c> YAML document per model, in the set's order.</summary>
public static class ModelFileWriter
{
    public static string Write(ModelSet models) =>
        YamlJson.SerializeDocuments(models.Documents.Select(d => (JsonNode?)ToDocument(d.Model)));

    public static JsonObject ToDocument(object model)
    {
        var kind = ModelKinds.For(model);
        return new JsonObject { ["kind"] = kind.Name, ["spec"] = kind.Write(model) };
    }
}
