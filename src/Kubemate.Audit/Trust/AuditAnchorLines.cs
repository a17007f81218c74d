namespace Kubemate.Audit.Trust;

/// <summary>The anchors of a trust, checked against the key: the ones it signed, and the first line it did not.</summary>
internal sealed record AuditAnchorLines(IReadOnlyList<AuditAnchor> Signed, string? FirstForgery)
{
    public static async Task<AuditAnchorLines> ReadAsync(IAuditTrust trust, AuditKey key, CancellationToken cancellationToken)
    {
        var lines = await trust.ReadAnchorLinesAsync(cancellationToken);
        var signed = new List<AuditAnchor>();
        string? forgery = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var anchor = AuditAnchor.TryParse(lines[i]);
            if (anchor is not null && anchor.IsSignedBy(key))
            {
                signed.Add(anchor);
            }
            else
            {
                forgery ??= anchor is null
                    ? $"anchor line {i + 1} is not an anchor: the anchors were edited"
                    : $"anchor line {i + 1} (record {anchor.Count}) is not signed with the audit key: the anchors were edited";
            }
        }
        return new AuditAnchorLines(signed, forgery);
    }
}
