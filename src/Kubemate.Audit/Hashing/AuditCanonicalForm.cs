using System.Globalization;
using System.Text;

namespace Kubemate.Audit.Hashing;

/// <summary>
/// The exact text that is hashed: one JSON object, members in a fixed order, no whitespace, strings escaped as
/// RFC 8785 does (only <c>"</c>, <c>\</c> and control characters), everything else as literal UTF-8.
/// Written by hand so the bytes never depend on a serializer's defaults. Specified in docs/audit.md.
/// </summary>
public static class AuditCanonicalForm
{
    public const string Format = "kubemate.audit/v1";

    public static string Write(AuditRecord record)
    {
        var json = new StringBuilder(256 + record.Diff.Length);
        json.Append('{');
        Member(json, "format").AppendString(Format).Append(',');
        Member(json, "sequence").Append(record.Sequence.ToString(CultureInfo.InvariantCulture)).Append(',');
        Member(json, "timestamp").AppendString(FormatTimestamp(record.Timestamp)).Append(',');
        Member(json, "user").AppendString(record.User).Append(',');
        Member(json, "groups").Append('[');
        for (var i = 0; i < record.Groups.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }
            json.AppendString(record.Groups[i]);
        }
        json.Append("],");
        Member(json, "sourceAddress").AppendString(record.SourceAddress).Append(',');
        Member(json, "cluster").AppendString(record.Cluster).Append(',');
        Member(json, "operation").AppendString(record.Operation).Append(',');
        Member(json, "dryRun").Append(record.DryRun ? "true" : "false").Append(',');
        Member(json, "outcome").AppendString(OutcomeName(record.Outcome)).Append(',');
        Member(json, "objects").Append('[');
        for (var i = 0; i < record.Objects.Count; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }
            var o = record.Objects[i];
            json.Append('{');
            Member(json, "apiVersion").AppendString(o.ApiVersion).Append(',');
            Member(json, "kind").AppendString(o.Kind).Append(',');
            Member(json, "namespace").AppendNullableString(o.Namespace).Append(',');
            Member(json, "name").AppendString(o.Name).Append(',');
            Member(json, "action").AppendString(o.Action).Append(',');
            Member(json, "status").AppendString(o.Status).Append(',');
            Member(json, "message").AppendNullableString(o.Message);
            json.Append('}');
        }
        json.Append("],");
        Member(json, "diff").AppendString(record.Diff).Append(',');
        Member(json, "previousHash").AppendString(record.PreviousHash);
        json.Append('}');
        return json.ToString();
    }

    /// <summary>UTC with exactly six fractional digits, e.g. 2026-11-25T18:56:46.123456Z.</summary>
    public static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string OutcomeName(AuditOutcome outcome) => outcome switch
    {
        AuditOutcome.Allowed => "allowed",
        AuditOutcome.Denied => "denied",
        AuditOutcome.Failed => "failed",
        AuditOutcome.Partial => "partial",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "unknown audit outcome"),
    };

    public static AuditOutcome ParseOutcome(string name) => name switch
    {
        "allowed" => AuditOutcome.Allowed,
        "denied" => AuditOutcome.Denied,
        "failed" => AuditOutcome.Failed,
        "partial" => AuditOutcome.Partial,
        _ => throw new FormatException($"unknown audit outcome '{name}'"),
    };

    private static StringBuilder Member(StringBuilder json, string name) => json.AppendString(name).Append(':');

    private static StringBuilder AppendNullableString(this StringBuilder json, string? value) =>
        value is null ? json.Append("null") : json.AppendString(value);

    private static StringBuilder AppendString(this StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case < ' ': json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: json.Append(c); break;
            }
        }
        return json.Append('"');
    }
}
