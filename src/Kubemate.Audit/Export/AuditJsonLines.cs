using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Kubemate.Audit.Hashing;

namespace Kubemate.Audit.Export;

/// <summary>One record per line, camelCase, with its hashes, so an export can be re-verified away from the store.</summary>
public static class AuditJsonLines
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new CanonicalTimestampConverter() },
    };

    public static string Serialize(AuditRecord record) => JsonSerializer.Serialize(record, Options);

    /// <exception cref="JsonException">The line is not an audit record.</exception>
    public static AuditRecord Parse(string line) =>
        JsonSerializer.Deserialize<AuditRecord>(line, Options) ?? throw new JsonException("an audit line must be a JSON object, not null");

    private sealed class CanonicalTimestampConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("timestamp must be a string"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(AuditCanonicalForm.FormatTimestamp(value));
    }
}
