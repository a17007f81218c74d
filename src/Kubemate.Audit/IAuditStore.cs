namespace Kubemate.Audit;

/// <summary>An append-only, hash-chained audit trail.</summary>
public interface IAuditStore : IAsyncDisposable
{
    /// <summary>Validates the entry, then appends it as the next record of the chain under a store-wide lock.</summary>
    /// <exception cref="Validation.AuditValidationException">The entry is incomplete or malformed.</exception>
    Task<AuditRecord> AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Writes each matching record as one JSON object per line; returns the number written.</summary>
    Task<long> ExportJsonLinesAsync(TextWriter writer, AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Re-hashes the whole chain; with an anchor also proves the tail up to it is still there.</summary>
    Task<AuditVerificationReport> VerifyAsync(AuditHead? anchor = null, CancellationToken cancellationToken = default);

    /// <summary>The newest record, or null when the trail is empty.</summary>
    Task<AuditHead?> HeadAsync(CancellationToken cancellationToken = default);
}
