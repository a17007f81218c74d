using System.Globalization;
using Kubemate.Audit.Hashing;
using Kubemate.Audit.Storage;

namespace Kubemate.Audit.Trust;

/// <summary>
/// A signed checkpoint: the trail held <see cref="Count"/> records ending in <see cref="HeadHash"/> at <see cref="Time"/>,
/// and records from <see cref="KeyedFrom"/> on are signed with the key. One line of text, fields separated by spaces.
/// </summary>
public sealed record AuditAnchor(long Count, string HeadHash, DateTimeOffset Time, long KeyedFrom, string Mac)
{
    /// <summary>The first word of every anchor line.</summary>
    public const string Format = "kubemate.audit.anchor/v1";

    public static AuditAnchor Sign(AuditKey key, long count, string headHash, DateTimeOffset time, long keyedFrom)
    {
        var unsigned = new AuditAnchor(count, headHash, AuditTime.Truncate(time), keyedFrom, "");
        return unsigned with { Mac = key.Sign(unsigned.SignedText()) };
    }

    public bool IsSignedBy(AuditKey key) => key.Sign(SignedText()) == Mac;

    public string ToLine() => $"{SignedText()} {Mac}";

    /// <summary>Null when the line is not an anchor at all.</summary>
    public static AuditAnchor? TryParse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 6 || parts[0] != Format
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || !DateTimeOffset.TryParse(parts[3], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            || !long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var keyedFrom))
        {
            return null;
        }
        return new AuditAnchor(count, parts[2], time, keyedFrom, parts[5]);
    }

    private string SignedText() =>
        string.Join(' ', Format, Count.ToString(CultureInfo.InvariantCulture), HeadHash, AuditCanonicalForm.FormatTimestamp(Time), KeyedFrom.ToString(CultureInfo.InvariantCulture));
}
