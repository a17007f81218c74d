using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Kubemate.Modeling;

/// <summary>
/// JSON (and so YAML) settings for the model-file documents that are not mesh models (edge, gateway, network, PKI):
/// camelCase, strict (unknown fields, missing required fields and nulls in non-nullable fields are errors),
/// computed properties left out, and nulls left out unless the model's default is not null (so a file that
/// switches a defaulted part off reads back the same).
/// </summary>
public static class ModelFileJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            AllowOutOfOrderMetadataProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Tidy } },
        };
        options.MakeReadOnly();
        return options;
    }

    private static void Tidy(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var defaults = DefaultInstance(typeInfo.Type);
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                typeInfo.Properties.RemoveAt(i);
                continue;
            }
            var defaultValue = defaults is null ? null : property.Get?.Invoke(defaults);
            if (defaultValue is null)
            {
                property.ShouldSerialize = static (_, value) => value is not null;
            }
            else if (IsEmptyCollection(defaultValue))
            {
                property.ShouldSerialize = static (_, value) => value is not null && !IsEmptyCollection(value);
            }
        }
    }

    private static bool IsEmptyCollection(object value) =>
        value is System.Collections.IEnumerable items and not string && !items.GetEnumerator().MoveNext();

    private static object? DefaultInstance(Type type)
    {
        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is not { } constructor)
        {
            return null;
        }
        try
        {
            return constructor.Invoke(null);
        }
        catch (TargetInvocationException)
        {
            return null;
        }
    }
}
