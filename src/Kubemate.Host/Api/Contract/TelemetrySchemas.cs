using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Telemetry;
using Kubemate.Telemetry.Golden;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kubemate.Host.Api.Contract;

/// <summary>
/// The telemetry answers are written with the telemetry JSON options (<see cref="TelemetryJson"/>), not the host's:
/// their enums are camelCase strings and a window is its name (<c>1m</c>). The schemas say so.
/// </summary>
internal sealed class TelemetrySchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type == typeof(TelemetryWindow))
        {
            schema.Type = JsonSchemaType.String;
            schema.Properties = null;
            schema.Required = null;
            schema.AdditionalPropertiesAllowed = true;
            // A pattern rather than an enum: "1m" is not a name a generated client can give an enum member and read back.
            schema.Pattern = $"^({string.Join('|', TelemetryWindow.AllowedNames)})$";
            schema.Description = $"one of {string.Join(", ", TelemetryWindow.AllowedNames)}";
        }
        else if (type.IsEnum && type.Assembly == typeof(TelemetryJson).Assembly)
        {
            schema.Enum = Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(n))).ToList();
        }
        return Task.CompletedTask;
    }
}
