namespace Kubemate.Audit;

/// <summary>One object of a change set and what happened to it.</summary>
/// <param name="Namespace">Null for cluster-scoped objects.</param>
/// <param name="Action">What was asked: create, update, delete, patch, unchanged…</param>
/// <param name="Status">What happened: applied, denied, failed, dry-run…</param>
public sealed record AuditObjectChange(
    string ApiVersion,
    string Kind,
    string? Namespace,
    string Name,
    string Action,
    string Status,
    string? Message = null);
