using System.Text.Json;
using System.Text.Json.Nodes;
using Kubemate.Model.Validation;

namespace Kubemate.Modeling;

/// <summary>
/// A Kubernetes object no model expresses, kept as it was read and rendered back unchanged. When a mesh model
/// renders part of the same object (annotations on a workload, say), the model's fields are laid over it.
/// </summary>
public sealed record VerbatimObject : IValidatable
{
    /// <summary>Why the object is kept verbatim (informational).</summary>
    public string? Reason { get; init; }

    public required JsonObject Object { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        var objectPath = FieldPath.Child(path, "object");
        foreach (var field in new[] { "apiVersion", "kind" })
        {
            if (Object[field] is not JsonValue value || value.GetValueKind() != JsonValueKind.String || value.GetValue<string>().Length == 0)
            {
                yield return new(FieldPath.Child(objectPath, field), "is required");
            }
        }
    }
}
