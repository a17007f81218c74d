namespace Kubemate.Audit;

/// <summary>Verification was asked of a store that does not exist (a mistyped path); nothing was created.</summary>
public sealed class AuditStoreNotFoundException(string message) : Exception(message);
