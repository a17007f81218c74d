namespace Kubemate.Audit;

/// <summary>How a mutating operation or dry run ended.</summary>
public enum AuditOutcome
{
    /// <summary>Authorised and, unless a dry run, applied to every object.</summary>
    Allowed,

    /// <summary>Refused by authorisation before anything changed.</summary>
    Denied,

    /// <summary>Authorised, but no object could be changed.</summary>
    Failed,

    /// <summary>Authorised, and some objects changed while others failed.</summary>
    Partial,
}
