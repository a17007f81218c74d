namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>A field the applied configuration would change that another manager owns.</summary>
/// <param name="Path">The field.</param>
/// <param name="Manager">The manager that owns it.</param>
/// <param name="Operation">How that manager came to own it (Apply or Update).</param>
/// <param name="ApiVersion">The API version of the owner's entry.</param>
/// <param name="Subresource">The subresource the owner wrote through, or null.</param>
public sealed record ApplyConflict(FieldPath Path, string Manager, string Operation, string ApiVersion, string? Subresource = null)
{
    /// <summary>The field in Kubernetes print form, e.g. <c>.spec.replicas</c> (a Status cause's <c>field</c>).</summary>
    public string Field => Path.ToString();

    /// <summary>The owner as the apiserver prints it: <c>"kubectl-client-side-apply" using apps/v1</c> for Update owners, <c>"kubectl"</c> for appliers.</summary>
    public string ManagerDescription
    {
        get
        {
            var text = $"\"{Manager}\"";
            if (!string.IsNullOrEmpty(Subresource))
            {
                text += $" with subresource \"{Subresource}\"";
            }
            return Operation == ManagedFieldsOperation.Update ? $"{text} using {ApiVersion}" : text;
        }
    }

    /// <summary>The Status cause message (type <c>FieldManagerConflict</c>).</summary>
    public string Message => $"conflict with {ManagerDescription}";

    /// <summary>The apiserver's 409 message for a failed apply.</summary>
    public static string FormatMessage(IReadOnlyList<ApplyConflict> conflicts)
    {
        if (conflicts.Count == 1)
        {
            return $"Apply failed with 1 conflict: conflict with {conflicts[0].ManagerDescription}: {conflicts[0].Field}";
        }
        var lines = conflicts
            .GroupBy(c => c.ManagerDescription)
            .SelectMany(group => group.Select(c => $"- {c.Field}").Prepend($"conflicts with {group.Key}:"));
        return $"Apply failed with {conflicts.Count} conflicts: {string.Join("\n", lines)}";
    }
}
