using System.Text;
using Kubemate.Sandbox.Protobuf.Wire;

namespace Kubemate.Sandbox.Tests.Protobuf;

/// <summary>Writes protobuf wire bytes by hand, so tests can build exact payloads, including malformed ones.</summary>
public sealed class ProtoBuilder
{
    private readonly List<byte> _bytes = [];

    public ProtoBuilder Tag(int number, WireType wireType) => Varint(((ulong)number << 3) | (ulong)wireType);

    public ProtoBuilder Varint(ulong value)
    {
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            _bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return this;
    }

    public ProtoBuilder Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public ProtoBuilder VarintField(int number, long value) => Tag(number, WireType.Varint).Varint(unchecked((ulong)value));

    public ProtoBuilder BytesField(int number, byte[] value) => Tag(number, WireType.LengthDelimited).Varint((ulong)value.Length).Raw(value);

    public ProtoBuilder StringField(int number, string value) => BytesField(number, Encoding.UTF8.GetBytes(value));

    public ProtoBuilder MessageField(int number, ProtoBuilder message) => BytesField(number, message.ToArray());

    public ProtoBuilder MapEntry(int number, string key, string value) =>
        MessageField(number, new ProtoBuilder().StringField(1, key).StringField(2, value));

    public byte[] ToArray() => [.. _bytes];

    /// <summary>Frames a typed object's bytes the way Kubernetes does: magic, then runtime.Unknown.</summary>
    public static byte[] Envelope(string apiVersion, string kind, ProtoBuilder raw) =>
        [.. "k8s\0"u8.ToArray(), .. new ProtoBuilder()
            .MessageField(1, new ProtoBuilder().StringField(1, apiVersion).StringField(2, kind))
            .MessageField(2, raw)
            .StringField(3, "")
            .StringField(4, "")
            .ToArray()];
}
