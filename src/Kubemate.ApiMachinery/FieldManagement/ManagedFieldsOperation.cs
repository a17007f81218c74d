namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>The two operations a managedFields entry records.</summary>
public static class ManagedFieldsOperation
{
    /// <summary>Server-side apply: the entry holds exactly the fields of the manager's last applied configuration.</summary>
    public const string Apply = "Apply";

    /// <summary>Create, update or a non-apply patch: the entry holds the fields the manager changed.</summary>
    public const string Update = "Update";
}
