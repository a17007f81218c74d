using System.Text.Json.Serialization;
using Kubemate.Model.References;
using Kubemate.Model.Validation;

namespace Kubemate.Model.Injection;

/// <summary>Where injection settings go: a whole namespace, or one workload's pod template.</summary>
public sealed record InjectionTarget : IValidatable
{
    /// <summary>Null for a namespace; otherwise Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob.</summary>
    public string? WorkloadKind { get; init; }

    /// <summary>The namespace's name, or the workload's.</summary>
    public required string Name { get; init; }

    /// <summary>The workload's namespace; unused for a namespace.</summary>
    public string? Namespace { get; init; }

    [JsonIgnore]
    public bool IsNamespace => WorkloadKind is null;

    public static InjectionTarget ForNamespace(string name) => new() { Name = name };

    public static InjectionTarget ForWorkload(string kind, string name, string? @namespace) => new() { WorkloadKind = kind, Name = name, Namespace = @namespace };

    public IEnumerable<ValidationProblem> Validate(string path = "")
    {
        if (IsNamespace)
        {
            return NameChecks.Dns1123Label(Name, FieldPath.Child(path, "name"))
                .Concat(Namespace is null ? [] : [new ValidationProblem(FieldPath.Child(path, "namespace"), "a namespace target takes no namespace")]);
        }
        return new WorkloadRef { Kind = WorkloadKind!, Name = Name, Namespace = Namespace }.Validate(path)
            .Select(p => p.Path == FieldPath.Child(path, "kind") ? p with { Path = FieldPath.Child(path, "workloadKind") } : p);
    }
}
