namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>
/// Bad input to field management: an applied configuration, a managedFields entry or a FieldsV1 document that
/// cannot be used. <see cref="Field"/> names where (Kubernetes print form, e.g. <c>.spec.containers</c>, or a
/// request field such as <c>fieldManager</c>), <see cref="Reason"/> says why.
/// </summary>
public sealed class FieldManagementException : Exception
{
    public FieldManagementException(string field, string reason)
        : base(string.IsNullOrEmpty(field) ? reason : $"{field}: {reason}")
    {
        Field = field;
        Reason = reason;
    }

    /// <summary>For the apiserver's messages that do not follow the "field: reason" form.</summary>
    public FieldManagementException(string field, string reason, string message)
        : base(message)
    {
        Field = field;
        Reason = reason;
    }

    public string Field { get; }

    public string Reason { get; }
}
