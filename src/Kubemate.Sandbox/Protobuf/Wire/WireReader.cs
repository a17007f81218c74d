using System.Buffers.Binary;

namespace Kubemate.Sandbox.Protobuf.Wire;

/// <summary>
/// Reads the protobuf wire format field by field from a buffer. Every malformed input
/// (truncated data, over-long varints, field number 0, group wire types) is a <see cref="FormatException"/>.
/// </summary>
public ref struct WireReader(ReadOnlySpan<byte> data)
{
    private const int MaxVarintBytes = 10;

    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= _data.Length;

    /// <summary>Reads the key that precedes every field: its number and wire type.</summary>
    public (int Number, WireType WireType) ReadTag()
    {
        var key = ReadVarint();
        var number = key >> 3;
        var wireType = (WireType)(key & 7);
        if (number is 0 or > int.MaxValue)
        {
            throw new FormatException($"invalid protobuf field number {number} at byte {Position}");
        }
        if (wireType is WireType.StartGroup or WireType.EndGroup || (int)wireType > 5)
        {
            throw new FormatException($"unsupported protobuf wire type {(int)wireType} for field {number} at byte {Position}");
        }
        return ((int)number, wireType);
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var i = 0; i < MaxVarintBytes; i++)
        {
            if (Position >= _data.Length)
            {
                throw new FormatException($"truncated protobuf varint at byte {Position}");
            }
            var b = _data[Position++];
            if (i == MaxVarintBytes - 1 && b > 1)
            {
                throw new FormatException($"protobuf varint overflows 64 bits at byte {Position - 1}");
            }
            result |= (ulong)(b & 0x7F) << (7 * i);
            if (b < 0x80)
            {
                return result;
            }
        }
        throw new FormatException($"protobuf varint longer than {MaxVarintBytes} bytes at byte {Position}");
    }

    /// <summary>int32 values are sign-extended to 64 bits on the wire, so a negative one takes ten bytes.</summary>
    public int ReadInt32() => unchecked((int)ReadVarint());

    public long ReadInt64() => unchecked((long)ReadVarint());

    public bool ReadBool() => ReadVarint() != 0;

    public ReadOnlySpan<byte> ReadLengthDelimited()
    {
        var start = Position;
        var length = ReadVarint();
        if (length > (ulong)(_data.Length - Position))
        {
            throw new FormatException($"protobuf length {length} at byte {start} runs past the end of the data ({_data.Length - Position} bytes left)");
        }
        var value = _data.Slice(Position, (int)length);
        Position += (int)length;
        return value;
    }

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>Reads past a value of the given wire type without interpreting it.</summary>
    public void Skip(WireType wireType)
    {
        switch (wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadLengthDelimited();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                throw new FormatException($"cannot skip protobuf wire type {(int)wireType}");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (_data.Length - Position < count)
        {
            throw new FormatException($"truncated protobuf fixed-width value at byte {Position}");
        }
        var value = _data.Slice(Position, count);
        Position += count;
        return value;
    }
}
