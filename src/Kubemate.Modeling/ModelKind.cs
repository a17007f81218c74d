using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kubemate.Modeling;

/// <summary>One kind of model-file document: its <c>kind:</c> name, how its <c>spec</c> is read and written, and which models it holds.</summary>
public sealed record ModelKind(string Name, string Description, Func<JsonObject, object> Read, Func<object, JsonNode?> Write, Func<object, bool> Holds)
{
    /// <summary>A kind whose spec is the given model type, serialized with <see cref="ModelFileJson.Options"/>.</summary>
    public static ModelKind Of<T>(string name, string description)
        where T : class => new(
            name,
            description,
            spec => spec.Deserialize<T>(ModelFileJson.Options) ?? throw new JsonException("spec: is empty"),
            model => JsonSerializer.SerializeToNode((T)model, ModelFileJson.Options),
            model => model is T);
}
