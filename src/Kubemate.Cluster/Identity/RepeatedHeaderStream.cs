using System.Text;

namespace Kubemate.Cluster.Identity;

/// <summary>
/// .NET sends several values of one request header as a single comma-joined line, but the API server reads each
/// <c>Impersonate-Group</c> line as one whole group name (kubernetes/kubernetes#94683): "a, b" would be a group
/// called "a, b". This filter sits on the plaintext HTTP/1.1 stream and splits that one header back into one line
/// per group. Only the header block of a request is touched, never a body.
/// </summary>
internal sealed class RepeatedHeaderStream(Stream inner) : Stream
{
    private static readonly byte[] HeaderName = Encoding.ASCII.GetBytes("\r\nImpersonate-Group: ");
    private static readonly byte[] HeaderEnd = Encoding.ASCII.GetBytes("\r\n\r\n");
    private static readonly byte[] Separator = Encoding.ASCII.GetBytes(", ");

    public static byte[] Rewrite(ReadOnlySpan<byte> buffer)
    {
        var end = buffer.IndexOf(HeaderEnd);
        var firstLine = buffer.IndexOf("\r\n"u8);
        if (end < 0 || firstLine < 0 || !buffer[..firstLine].EndsWith(" HTTP/1.1"u8))
        {
            return buffer.ToArray();
        }
        var output = new List<byte>(buffer.Length + 64);
        var position = 0;
        while (true)
        {
            var found = buffer[position..(end + 2)].IndexOf(HeaderName);
            if (found < 0)
            {
                break;
            }
            var valueStart = position + found + HeaderName.Length;
            var valueEnd = valueStart + buffer[valueStart..].IndexOf("\r\n"u8);
            output.AddRange(buffer[position..valueStart]);
            var value = buffer[valueStart..valueEnd];
            int comma;
            while ((comma = value.IndexOf(Separator)) >= 0)
            {
                output.AddRange(value[..comma]);
                output.AddRange(HeaderName);
                value = value[(comma + Separator.Length)..];
            }
            output.AddRange(value);
            position = valueEnd;
        }
        output.AddRange(buffer[position..]);
        return [.. output];
    }

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(Rewrite(buffer.AsSpan(offset, count)));

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(Rewrite(buffer));

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.WriteAsync(Rewrite(buffer.AsSpan(offset, count)), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(Rewrite(buffer.Span), cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    public override ValueTask DisposeAsync() => inner.DisposeAsync();
}
