using System.Buffers.Binary;

namespace Kubemate.Telemetry.Embedded;

/// <summary>
/// The values of one series, indexed by its target's scrape number, in a ring of chunks of <see cref="ChunkLength"/>
/// scrapes. A chunk is the first present value (8 bytes) followed by one code per scrape: while every step is a
/// non-negative whole number (a counter's usual growth) the code is that step in 1, 2 or 4 bytes, the all-ones code
/// meaning "absent"; otherwise the chunk holds raw doubles (NaN meaning "absent"). Decoding repeats the additions the
/// encoder checked, so values come back bit for bit. A chunk is widened (re-encoded) when a step no longer fits.
/// </summary>
internal class ValueChunks
{
    public const int ChunkLength = 64;
    private const int HeaderBytes = sizeof(double);

    private readonly byte[]?[] chunks;
    private long currentChunk = -1;
    private byte[]? current;
    private double lastValue = double.NaN;

    protected ValueChunks(int capacity)
    {
        // One more chunk than the capacity needs, because the newest chunk is only partly filled.
        chunks = new byte[]?[(capacity + ChunkLength - 1) / ChunkLength + 1];
    }

    /// <summary>Records <paramref name="value"/> at scrape <paramref name="scrape"/>; scrapes only move forward. NaN stays absent.</summary>
    public void Append(long scrape, double value)
    {
        var number = scrape / ChunkLength;
        var position = (int)(scrape % ChunkLength);
        if (number != currentChunk)
        {
            StartChunk(number);
        }
        if (double.IsNaN(value))
        {
            return;
        }
        var chunk = current!;
        var width = WidthOf(chunk);
        if (width == sizeof(double))
        {
            BinaryPrimitives.WriteDoubleLittleEndian(chunk.AsSpan(HeaderBytes + position * width), value);
        }
        else if (double.IsNaN(lastValue))
        {
            BinaryPrimitives.WriteDoubleLittleEndian(chunk, value);
            WriteCode(chunk, width, position, 0);
        }
        else
        {
            var needed = StepWidth(lastValue, value);
            if (needed > width)
            {
                Widen(chunk, number, needed);
                Append(scrape, value);
                return;
            }
            WriteCode(chunk, width, position, (uint)(value - lastValue));
        }
        lastValue = value;
    }

    /// <summary>Fills <paramref name="values"/> with the values of scrapes <paramref name="first"/> … (NaN where absent or no longer kept).</summary>
    public void Read(long first, Span<double> values)
    {
        values.Fill(double.NaN);
        var last = first + values.Length - 1;
        for (var number = first / ChunkLength; number <= last / ChunkLength; number++)
        {
            var chunk = number == currentChunk ? current : number > currentChunk || number <= currentChunk - chunks.Length ? null : chunks[number % chunks.Length];
            if (chunk is null)
            {
                continue;
            }
            var chunkStart = number * ChunkLength;
            var from = (int)Math.Max(0, first - chunkStart);
            var to = (int)Math.Min(ChunkLength - 1, last - chunkStart);
            Decode(chunk, from, to, values[(int)(chunkStart + from - first)..]);
        }
    }

    /// <summary>Bytes held by the chunk arrays (array headers included).</summary>
    public long ApproximateBytes()
    {
        long total = 24 + chunks.Length * 8L;
        foreach (var chunk in chunks)
        {
            total += chunk is null ? 0 : 24 + chunk.Length;
        }
        return total;
    }

    private static void Decode(byte[] chunk, int from, int to, Span<double> output)
    {
        var width = WidthOf(chunk);
        if (width == sizeof(double))
        {
            for (var i = from; i <= to; i++)
            {
                output[i - from] = BinaryPrimitives.ReadDoubleLittleEndian(chunk.AsSpan(HeaderBytes + i * width));
            }
            return;
        }
        var absent = Absent(width);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(chunk);
        for (var i = 0; i <= to; i++)
        {
            var code = ReadCode(chunk, width, i);
            if (code == absent)
            {
                continue;
            }
            value += code;
            if (i >= from)
            {
                output[i - from] = value;
            }
        }
    }

    private void StartChunk(long number)
    {
        // Chunks skipped while the series was absent hold nothing; clearing them keeps stale data out of their slots.
        for (var skipped = Math.Max(currentChunk + 1, number - chunks.Length + 1); skipped < number; skipped++)
        {
            chunks[skipped % chunks.Length] = null;
        }
        chunks[number % chunks.Length] = current = NewChunk(1);
        currentChunk = number;
        lastValue = double.NaN;
    }

    private void Widen(byte[] chunk, long number, int width)
    {
        var values = new double[ChunkLength];
        Array.Fill(values, double.NaN);
        Decode(chunk, 0, ChunkLength - 1, values);
        var widened = NewChunk(width);
        lastValue = double.NaN;
        for (var i = 0; i < ChunkLength; i++)
        {
            if (double.IsNaN(values[i]))
            {
                continue;
            }
            if (width == sizeof(double))
            {
                BinaryPrimitives.WriteDoubleLittleEndian(widened.AsSpan(HeaderBytes + i * width), values[i]);
            }
            else
            {
                if (double.IsNaN(lastValue))
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(widened, values[i]);
                }
                WriteCode(widened, width, i, double.IsNaN(lastValue) ? 0 : (uint)(values[i] - lastValue));
            }
            lastValue = values[i];
        }
        chunks[number % chunks.Length] = current = widened;
    }

    /// <summary>The narrowest code width that carries the step from <paramref name="previous"/> to <paramref name="next"/> exactly, or 8 (raw).</summary>
    internal static int StepWidth(double previous, double next)
    {
        var step = next - previous;
        // -0.0 compares equal to 0.0, so it is kept raw to stay bit for bit.
        if (!(step >= 0) || step != Math.Floor(step) || step >= uint.MaxValue || previous + step != next || double.IsNegative(next))
        {
            return sizeof(double);
        }
        return step < byte.MaxValue ? 1 : step < ushort.MaxValue ? 2 : 4;
    }

    private static byte[] NewChunk(int width)
    {
        var chunk = new byte[HeaderBytes + ChunkLength * width];
        if (width == sizeof(double))
        {
            for (var i = 0; i <= ChunkLength; i++)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(chunk.AsSpan(i * sizeof(double)), double.NaN);
            }
        }
        else
        {
            chunk.AsSpan(HeaderBytes).Fill(0xFF);
        }
        return chunk;
    }

    private static int WidthOf(byte[] chunk) => (chunk.Length - HeaderBytes) / ChunkLength;

    private static uint Absent(int width) => width switch
    {
        1 => byte.MaxValue,
        2 => ushort.MaxValue,
        _ => uint.MaxValue,
    };

    private static uint ReadCode(byte[] chunk, int width, int position) => width switch
    {
        1 => chunk[HeaderBytes + position],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(chunk.AsSpan(HeaderBytes + position * 2)),
        _ => BinaryPrimitives.ReadUInt32LittleEndian(chunk.AsSpan(HeaderBytes + position * 4)),
    };

    private static void WriteCode(byte[] chunk, int width, int position, uint code)
    {
        switch (width)
        {
            case 1:
                chunk[HeaderBytes + position] = (byte)code;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16LittleEndian(chunk.AsSpan(HeaderBytes + position * 2), (ushort)code);
                break;
            default:
                BinaryPrimitives.WriteUInt32LittleEndian(chunk.AsSpan(HeaderBytes + position * 4), code);
                break;
        }
    }
}
