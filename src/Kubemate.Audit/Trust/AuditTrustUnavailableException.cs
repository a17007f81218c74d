namespace Kubemate.Audit.Trust;

/// <summary>
/// The trust could not be read or written just now (the cluster refused or could not be reached); an I/O failure like
/// an unwritable anchor file, so the anchoring timer retries on its next tick.
/// </summary>
public sealed class AuditTrustUnavailableException(string message, Exception? inner = null) : IOException(message, inner);
