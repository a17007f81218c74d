using Kubemate.Model.Edge.Validation;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Edge.Gateway;

/// <summary>Lets gateway pods run on tainted nodes, such as a pool dedicated to the gateway.</summary>
public sealed record NodeToleration : IValidatable
{
    public string? Key { get; init; }

    /// <summary><c>Equal</c> (default) or <c>Exists</c>.</summary>
    public string Operator { get; init; } = "Equal";

    public string? Value { get; init; }

    /// <summary><c>NoSchedule</c>, <c>PreferNoSchedule</c>, <c>NoExecute</c>, or null for all.</summary>
    public string? Effect { get; init; }

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (Key is not null && !EdgeSyntax.IsQualifiedName(Key))
        {
            yield return new(FieldPath.Child(path, "key"), $"\"{Key}\" is not a valid taint key");
        }
        if (Operator is not ("Equal" or "Exists"))
        {
            yield return new(FieldPath.Child(path, "operator"), $"\"{Operator}\" is not Equal or Exists");
        }
        if (Operator == "Exists" && !string.IsNullOrEmpty(Value))
        {
            yield return new(FieldPath.Child(path, "value"), "must be empty when the operator is Exists");
        }
        if (Operator == "Equal" && Key is null)
        {
            yield return new(FieldPath.Child(path, "key"), "is required when the operator is Equal");
        }
        if (Effect is not null and not ("NoSchedule" or "PreferNoSchedule" or "NoExecute"))
        {
            yield return new(FieldPath.Child(path, "effect"), $"\"{Effect}\" is not NoSchedule, PreferNoSchedule or NoExecute");
        }
    }
}
