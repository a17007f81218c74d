namespace Kubemate.Audit.Validation;

/// <summary>One rejected field, e.g. <c>objects[0].kind: is required</c>.</summary>
public sealed record AuditFieldError(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
