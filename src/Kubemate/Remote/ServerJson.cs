using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubemate.Remote;

/// <summary>The REST API's JSON: camelCase, enums as strings, names matched without regard to case.</summary>
public static class ServerJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
