using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kubemate.Host.Api.Contract;

/// <summary>
/// A record of this host with <c>[JsonExtensionData]</c> (the cluster info's extra facts) writes those entries as
/// members beside its own: the schema allows them, as strings or null. (ASP.NET's problem details describe their own.)
/// </summary>
internal sealed class ExtensionDataSchemas : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.Assembly == typeof(ExtensionDataSchemas).Assembly && type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.IsDefined(typeof(JsonExtensionDataAttribute))))
        {
            schema.AdditionalPropertiesAllowed = true;
            schema.AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
        }
        return Task.CompletedTask;
    }
}
