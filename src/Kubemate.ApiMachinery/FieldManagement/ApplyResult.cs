using System.Text.Json.Nodes;

namespace Kubemate.ApiMachinery.FieldManagement;

/// <summary>The outcome of a server-side apply.</summary>
/// <param name="Object">The object to store, with its managedFields; null when the apply conflicted.</param>
/// <param name="Conflicts">Every conflicting field and its owner, ordered by owner; empty on success.</param>
/// <param name="Changed">The object to store differs from the live one (fields or managedFields).</param>
public sealed record ApplyResult(JsonObject? Object, IReadOnlyList<ApplyConflict> Conflicts, bool Changed)
{
    public bool Succeeded => Conflicts.Count == 0;

    /// <summary>The apiserver's message for the 409 response, e.g. <c>Apply failed with 1 conflict: conflict with "x" using apps/v1: .spec.replicas</c>.</summary>
    public string? ConflictMessage => Succeeded ? null : ApplyConflict.FormatMessage(Conflicts);
}
