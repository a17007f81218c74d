using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Kubemate.Model.Access;
using Kubemate.Model.Injection;
using Kubemate.Model.Resilience;
using Kubemate.Model.Traffic;

namespace Kubemate.Model.Serialization;

/// <summary>
/// Models as JSON (and so YAML) documents: <c>{"kind": "TrafficSplit", "spec": {…}}</c>, camelCase, enums as
/// camelCase strings, empty lists and false flags left out.
/// </summary>
public static class ModelJson
{
    private static readonly Dictionary<string, Type> Kinds = new(StringComparer.Ordinal)
    {
        ["TrafficSplit"] = typeof(TrafficSplit),
        ["AccessIntent"] = typeof(AccessIntent),
        ["ResiliencePolicy"] = typeof(ResiliencePolicy),
        ["InboundPolicy"] = typeof(InboundPolicy),
        ["MeshInjection"] = typeof(MeshInjection),
    };

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static IReadOnlyCollection<string> ModelKinds => Kinds.Keys;

    public static JsonObject ToDocument(IMeshModel model) => new()
    {
        ["kind"] = model.ModelKind,
        ["spec"] = JsonSerializer.SerializeToNode(model, model.GetType(), Options),
    };

    /// <summary>Reads a model document; a bad document throws <see cref="JsonException"/> naming the field.</summary>
    public static IMeshModel FromDocument(JsonObject document)
    {
        var kind = document["kind"]?.GetValueKind() == JsonValueKind.String ? document["kind"]!.GetValue<string>() : null;
        if (kind is null || !Kinds.TryGetValue(kind, out var type))
        {
            throw new JsonException($"kind: '{kind}' is not a model kind (one of {string.Join(", ", Kinds.Keys)})");
        }
        if (document["spec"] is not JsonObject spec)
        {
            throw new JsonException("spec: is required and must be an object");
        }
        return (IMeshModel)(spec.Deserialize(type, Options) ?? throw new JsonException("spec: is empty"));
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutEmpty } },
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutEmpty(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
        {
            if (property.PropertyType == typeof(bool))
            {
                property.ShouldSerialize = static (_, value) => value is true;
            }
            else if (typeof(IEnumerable).IsAssignableFrom(property.PropertyType) && property.PropertyType != typeof(string))
            {
                property.ShouldSerialize = static (_, value) => value is IEnumerable items && items.GetEnumerator().MoveNext();
            }
        }
    }
}
