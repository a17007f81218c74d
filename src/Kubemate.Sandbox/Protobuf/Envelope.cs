using System.Text;
using Kubemate.Sandbox.Protobuf.Wire;

namespace Kubemate.Sandbox.Protobuf;

/// <summary>
/// The frame around every Kubernetes protobuf body: the magic <c>k8s\0</c>, then a runtime.Unknown message
/// (typeMeta = 1 {apiVersion = 1, kind = 2}, raw = 2, contentEncoding = 3, contentType = 4) whose raw bytes are the object.
/// </summary>
public readonly ref struct Envelope(string apiVersion, string kind, ReadOnlySpan<byte> raw)
{
    public static ReadOnlySpan<byte> Magic => "k8s\0"u8;

    public string ApiVersion { get; } = apiVersion;

    public string Kind { get; } = kind;

    public ReadOnlySpan<byte> Raw { get; } = raw;

    public static Envelope Read(ReadOnlySpan<byte> body)
    {
        if (!body.StartsWith(Magic))
        {
            throw new FormatException("not a Kubernetes protobuf body: it must start with the 4 bytes 'k8s\\0'");
        }
        try
        {
            return ReadUnknown(body[Magic.Length..]);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"bad protobuf envelope (runtime.Unknown): {ex.Message}", ex);
        }
    }

    private static Envelope ReadUnknown(ReadOnlySpan<byte> message)
    {
        var apiVersion = "";
        var kind = "";
        ReadOnlySpan<byte> raw = [];
        var reader = new WireReader(message);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != WireType.LengthDelimited || number > 4)
            {
                throw new FormatException($"unknown field {number} (wire type {wireType}); runtime.Unknown has typeMeta = 1, raw = 2, contentEncoding = 3, contentType = 4");
            }
            var value = reader.ReadLengthDelimited();
            switch (number)
            {
                case 1:
                    (apiVersion, kind) = ReadTypeMeta(value);
                    break;
                case 2:
                    raw = value;
                    break;
                case 3 when !value.IsEmpty:
                    throw new FormatException($"contentEncoding '{Encoding.UTF8.GetString(value)}' is not supported, only unencoded bodies");
                case 4 when !value.IsEmpty && !value.SequenceEqual("application/vnd.kubernetes.protobuf"u8):
                    throw new FormatException($"contentType '{Encoding.UTF8.GetString(value)}' is not supported, only application/vnd.kubernetes.protobuf");
            }
        }
        if (kind.Length == 0 || apiVersion.Length == 0)
        {
            throw new FormatException("it does not name the object's apiVersion and kind (typeMeta, field 1)");
        }
        return new Envelope(apiVersion, kind, raw);
    }

    private static (string ApiVersion, string Kind) ReadTypeMeta(ReadOnlySpan<byte> typeMeta)
    {
        var apiVersion = "";
        var kind = "";
        var reader = new WireReader(typeMeta);
        while (!reader.AtEnd)
        {
            var (number, wireType) = reader.ReadTag();
            if (wireType != WireType.LengthDelimited || number > 2)
            {
                throw new FormatException($"typeMeta has an unknown field {number} (wire type {wireType}); it has apiVersion = 1, kind = 2");
            }
            var text = Encoding.UTF8.GetString(reader.ReadLengthDelimited());
            if (number == 1)
            {
                apiVersion = text;
            }
            else
            {
                kind = text;
            }
        }
        return (apiVersion, kind);
    }
}
