namespace Kubemate.Audit.Trust;

/// <summary>
/// What must live where the database's owner cannot rewrite it: the key that signs the chain and the append-only list
/// of signed checkpoints (anchors). A 0600 file pair next to the data directory, or a Secret in Kubemate's namespace.
/// </summary>
public interface IAuditTrust
{
    /// <summary>Where the key and anchors are kept, for messages (never the key).</summary>
    string Description { get; }

    /// <summary>The key, or null when none was ever made; fails when the key is present but unsafe or malformed.</summary>
    Task<AuditKey?> ReadKeyAsync(CancellationToken cancellationToken);

    /// <summary>Stores a fresh random key; fails when one already exists rather than replacing it.</summary>
    Task<AuditKey> CreateKeyAsync(CancellationToken cancellationToken);

    /// <summary>Every anchor line ever appended, oldest first (see <see cref="AuditAnchor.Format"/>).</summary>
    Task<IReadOnlyList<string>> ReadAnchorLinesAsync(CancellationToken cancellationToken);

    Task AppendAnchorLineAsync(string line, CancellationToken cancellationToken);
}
