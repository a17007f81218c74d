namespace Kubemate.Schema;

/// <summary>A CustomResourceDefinition the apiserver would reject; <see cref="Errors"/> says why.</summary>
public sealed class InvalidCrdException(string? name, IReadOnlyList<FieldError> errors)
    : Exception($"CustomResourceDefinition {(string.IsNullOrEmpty(name) ? "(unnamed)" : "\"" + name + "\"")} is invalid: "
        + string.Join("; ", errors.Select(error => error.Message)))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
