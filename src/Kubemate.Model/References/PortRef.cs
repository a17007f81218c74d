using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kubemate.Model.Validation;

namespace Kubemate.Model.References;

/// <summary>A container port by number or by name (Kubernetes int-or-string); written as a JSON number or string.</summary>
[JsonConverter(typeof(PortRefJsonConverter))]
public sealed record PortRef
{
    private PortRef(int? number, string? name)
    {
        Number = number;
        Name = name;
    }

    public int? Number { get; }

    public string? Name { get; }

    public static PortRef Of(int number) => new(number, null);

    public static PortRef Named(string name) => new(null, name);

    public static implicit operator PortRef(int number) => Of(number);

    public IEnumerable<ValidationProblem> Validate(string path) =>
        Number is int number ? PortChecks.Number(number, path) : PortChecks.Name(Name, path);

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Name ?? "";
}

public sealed class PortRefJsonConverter : JsonConverter<PortRef>
{
    public override PortRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => PortRef.Of(reader.GetInt32()),
        JsonTokenType.String => PortRef.Named(reader.GetString()!),
        _ => throw new JsonException("port: expected a number or a name"),
    };

    public override void Write(Utf8JsonWriter writer, PortRef value, JsonSerializerOptions options)
    {
        if (value.Number is int number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
