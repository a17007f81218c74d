using System.Text.Json;
using System.Text.Json.Serialization;
using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Ingress;

/// <summary>A service port given by number (<c>80</c>) or by name (<c>http</c>); stored in model files as a plain number or string.</summary>
[JsonConverter(typeof(BackendPortJsonConverter))]
public sealed record BackendPort
{
    private BackendPort(int? number, string? name)
    {
        Number = number;
        Name = name;
    }

    public int? Number { get; }

    public string? Name { get; }

    public static BackendPort Of(int number) => new(number, null);

    public static BackendPort Named(string name) => new(null, name);

    public IEnumerable<ValidationProblem> Validate(string path)
    {
        if (Number is { } number)
        {
            return EdgeChecks.Port(path, number);
        }
        return EdgeSyntax.IsPortName(Name)
            ? []
            : [new ValidationProblem(path, $"\"{Name}\" is neither a port number nor a valid port name")];
    }

    public override string ToString() => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Name ?? "";
}

/// <summary>Reads and writes <see cref="BackendPort"/> as int-or-string, the way Kubernetes writes ports.</summary>
public sealed class BackendPortJsonConverter : JsonConverter<BackendPort>
{
    public override BackendPort Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => BackendPort.Of(reader.GetInt32()),
        JsonTokenType.String => BackendPort.Named(reader.GetString()!),
        _ => throw new JsonException("a port must be a number or a name"),
    };

    public override void Write(Utf8JsonWriter writer, BackendPort value, JsonSerializerOptions options)
    {
        if (value.Number is { } number)
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(value.Name);
        }
    }
}
