using Kubemate.Sandbox.Protobuf.Wire;

namespace Kubemate.Sandbox.Tests.Protobuf;

public class WireReaderTests
{
    [Theory]
    [InlineData(new byte[] { 0x00 }, 0UL)]
    [InlineData(new byte[] { 0x01 }, 1UL)]
    [InlineData(new byte[] { 0x7F }, 127UL)]
    [InlineData(new byte[] { 0xAC, 0x02 }, 300UL)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, ulong.MaxValue)]
    public void Varints_decode_little_endian_groups_of_seven_bits(byte[] data, ulong expected)
    {
        var reader = new WireReader(data);

        Assert.Equal(expected, reader.ReadVarint());
        Assert.True(reader.AtEnd);
    }

    [Fact]
    public void Negative_int32_is_read_from_its_ten_byte_sign_extended_form()
    {
        var reader = new WireReader(new ProtoBuilder().Varint(unchecked((ulong)-2L)).ToArray());

        Assert.Equal(-2, reader.ReadInt32());
        Assert.Equal(10, reader.Position);
    }

    [Fact]
    public void Negative_int64_round_trips()
    {
        var reader = new WireReader(new ProtoBuilder().Varint(unchecked((ulong)long.MinValue)).ToArray());

        Assert.Equal(long.MinValue, reader.ReadInt64());
    }

    [Fact]
    public void Varint_longer_than_ten_bytes_is_rejected()
    {
        var data = Enumerable.Repeat((byte)0x80, 10).Append((byte)0x01).ToArray();

        var error = Assert.Throws<FormatException>(() => new WireReader(data).ReadVarint());

        Assert.Contains("64 bits", error.Message);
    }

    [Fact]
    public void Truncated_varint_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => new WireReader([0x80, 0x80]).ReadVarint());

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Tag_splits_field_number_and_wire_type()
    {
        var reader = new WireReader(new ProtoBuilder().Tag(17, WireType.LengthDelimited).ToArray());

        var (number, wireType) = reader.ReadTag();

        Assert.Equal(17, number);
        Assert.Equal(WireType.LengthDelimited, wireType);
    }

    [Fact]
    public void Field_number_zero_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => new WireReader([0x02]).ReadTag());

        Assert.Contains("field number 0", error.Message);
    }

    [Fact]
    public void Group_wire_types_are_rejected()
    {
        var data = new ProtoBuilder().Tag(3, WireType.StartGroup).ToArray();

        var error = Assert.Throws<FormatException>(() => new WireReader(data).ReadTag());

        Assert.Contains("wire type 3", error.Message);
    }

    [Fact]
    public void Length_delimited_value_returns_exactly_its_bytes()
    {
        var reader = new WireReader(new ProtoBuilder().Varint(3).Raw(1, 2, 3, 4).ToArray());

        Assert.Equal([1, 2, 3], reader.ReadLengthDelimited().ToArray());
        Assert.Equal(4, reader.Position);
    }

    [Fact]
    public void Length_running_past_the_end_is_rejected()
    {
        var data = new ProtoBuilder().Varint(5).Raw(1, 2).ToArray();

        var error = Assert.Throws<FormatException>(() => new WireReader(data).ReadLengthDelimited());

        Assert.Contains("runs past the end", error.Message);
    }

    [Fact]
    public void Fixed_width_values_are_little_endian()
    {
        var reader = new WireReader([0x01, 0x00, 0x00, 0x80, 0x02, 0, 0, 0, 0, 0, 0, 0x01]);

        Assert.Equal(0x80000001u, reader.ReadFixed32());
        Assert.Equal(0x0100000000000002UL, reader.ReadFixed64());
    }

    [Fact]
    public void Skip_moves_past_every_wire_type()
    {
        var data = new ProtoBuilder().Varint(300).Varint(2).Raw(9, 9).Raw(1, 2, 3, 4).Raw(1, 2, 3, 4, 5, 6, 7, 8).ToArray();
        var reader = new WireReader(data);

        reader.Skip(WireType.Varint);
        reader.Skip(WireType.LengthDelimited);
        reader.Skip(WireType.Fixed32);
        reader.Skip(WireType.Fixed64);

        Assert.True(reader.AtEnd);
    }
}
