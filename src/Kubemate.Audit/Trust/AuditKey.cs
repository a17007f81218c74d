using System.Security.Cryptography;
using System.Text;

namespace Kubemate.Audit.Trust;

/// <summary>The secret that signs the chain and its anchors; kept outside the store so whoever can edit the database cannot re-sign it.</summary>
public sealed class AuditKey
{
    public const int Length = 32;

    private readonly byte[] bytes;

    public AuditKey(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"an audit key is {Length} bytes, not {bytes.Length}", nameof(bytes));
        }
        this.bytes = bytes.ToArray();
    }

    public static AuditKey CreateRandom() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>The key's bytes, for a key holder to store; never log them.</summary>
    public ReadOnlySpan<byte> Bytes => bytes;

    /// <summary>Lower-case hex HMAC-SHA256 of the UTF-8 text.</summary>
    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(bytes, Encoding.UTF8.GetBytes(text)));
}
