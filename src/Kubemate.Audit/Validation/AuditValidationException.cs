namespace Kubemate.Audit.Validation;

public sealed class AuditValidationException : ArgumentException
{
    public AuditValidationException(IReadOnlyList<AuditFieldError> errors, string subject = "audit entry")
        : base($"invalid {subject}: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<AuditFieldError> Errors { get; }
}
