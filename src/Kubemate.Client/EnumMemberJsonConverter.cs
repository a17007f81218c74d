using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kubemate.Client;

/// <summary>
/// Reads and writes the generated enums by the values the document gives them (<c>[EnumMember(Value = "manual")]</c>),
/// which System.Text.Json's own enum converter does not look at: <c>ReleaseMode.Manual</c> is <c>"manual"</c> on the wire.
/// An enum whose values are its member names (<c>DryRunOk</c>) reads and writes as before.
/// </summary>
public sealed class EnumMemberJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(EnumMemberConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class EnumMemberConverter<T> : JsonConverter<T> where T : struct, Enum
    {
        private readonly Dictionary<T, string> _names = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (T)f.GetValue(null)!, f => f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            // The document's value first; a value in another case reads as before (as System.Text.Json's converter read it).
            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
            {
                foreach (var (value, name) in _names)
                {
                    if (string.Equals(name, text, comparison))
                    {
                        return value;
                    }
                }
            }
            throw new JsonException($"\"{text}\" is not one of {string.Join(", ", _names.Values)} ({typeof(T).Name})");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(_names.TryGetValue(value, out var name) ? name : value.ToString());
    }
}
