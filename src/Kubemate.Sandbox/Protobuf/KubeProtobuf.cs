using System.Text.Json.Nodes;

namespace Kubemate.Sandbox.Protobuf;

/// <summary>
/// Decodes request bodies sent as <c>application/vnd.kubernetes.protobuf</c> (what kubectl's typed clients send for
/// built-in kinds) into the JSON object the same client would have sent as <c>application/json</c>.
/// </summary>
public static class KubeProtobuf
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    public static bool IsSupported(string apiVersion, string kind) => ProtobufKinds.Find(apiVersion, kind) is not null;

    /// <summary>Decodes a framed body; a bad frame, an unsupported kind or malformed data is a <see cref="FormatException"/>.</summary>
    public static JsonObject Decode(ReadOnlySpan<byte> body)
    {
        var envelope = Envelope.Read(body);
        var schema = ProtobufKinds.Find(envelope.ApiVersion, envelope.Kind) ?? throw new FormatException(
            $"kind {envelope.Kind} ({envelope.ApiVersion}) cannot be decoded from protobuf here; send it as application/json. " +
            $"Kinds accepted as protobuf: {string.Join(", ", ProtobufKinds.Names)}");
        JsonNode? decoded;
        try
        {
            decoded = MessageDecoder.Decode(envelope.Raw, schema);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"malformed protobuf {envelope.ApiVersion} {envelope.Kind}: {ex.Message}", ex);
        }
        var result = new JsonObject
        {
            ["kind"] = envelope.Kind,
            ["apiVersion"] = envelope.ApiVersion,
        };
        var fields = (JsonObject)decoded!;
        var properties = fields.ToList();
        fields.Clear();
        foreach (var (name, value) in properties)
        {
            result[name] = value;
        }
        return result;
    }
}
