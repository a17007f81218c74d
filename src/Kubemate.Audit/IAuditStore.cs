namespace Kubemate.Audit;

/// <summary>An append-only audit trail, each record signed (HMAC) over its predecessor's signature, anchored outside the store.</summary>
public interface IAuditStore : IAsyncDisposable
{
    /// <summary>Validates the entry, then appends it as the next record of the chain under a store-wide lock.</summary>
    /// <exception cref="Validation.AuditValidationException">The entry is incomplete or malformed.</exception>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Writes each matching record as one JSON object per line; returns the number written.</summary>
    Task<long> ExportJsonLinesAsync(TextWriter writer, AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks every record's link and signature against the key, and the trail against the signed anchors kept outside
    /// the store (a deleted tail, deleted records, an emptied file); reports the first break.
    /// </summary>
    Task<AuditVerificationReport> VerifyAsync(CancellationToken cancellationToken = default);

    /// <summary>The newest record, or null when the trail is empty.</summary>
    Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default);
}
