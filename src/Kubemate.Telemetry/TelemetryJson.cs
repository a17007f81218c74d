using System.Text.Json;
using System.Text.Json.Serialization;
using Kubemate.Telemetry.Golden;

namespace Kubemate.Telemetry;

/// <summary>The JSON shape of telemetry answers, shared by the REST API and the CLI that reads it.</summary>
public static class TelemetryJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // A backend may still hand out NaN or ±Inf; they must never turn a good answer into a 500.
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new TelemetryWindowConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class TelemetryWindowConverter : JsonConverter<TelemetryWindow>
    {
        public override TelemetryWindow Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString();
            return TelemetryWindow.TryParse(text, out var window) ? window : throw new JsonException($"window: \"{text}\" is not one of {string.Join(", ", TelemetryWindow.AllowedNames)}");
        }

        public override void Write(Utf8JsonWriter writer, TelemetryWindow value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name);
    }
}
